// RUN: usl-opt %s --split-input-file --verify-diagnostics --reuse-buffer="buffer=b with=a"

func.func @still_live(%v: f32) {
  %a = sloop.alloc : memref<4xf32>
  // expected-error @+1 {{cannot let buffer 'b' reuse 'a': 'a' is still used after 'b' is allocated, by 'sloop.load' (line 7)}}
  %b = sloop.alloc : memref<4xf32>
  %x = sloop.load %a[0] : memref<4xf32>
  sloop.store %x, %b[0] : memref<4xf32>
  return
}

// -----

func.func @types(%v: f32) {
  %a = sloop.alloc : memref<4xf32>
  // expected-error @+1 {{cannot let buffer 'b' reuse 'a': their types differ}}
  %b = sloop.alloc : memref<8xf32>
  return
}

// -----

func.func @scopes(%v: f32) {
  %a = sloop.alloc : memref<4xf32>
  sloop.for %i = 0 to 4 {
    // expected-error @+1 {{cannot let buffer 'b' reuse 'a': they are not allocated in the same block}}
    %b = sloop.alloc : memref<4xf32>
  }
  return
}

// -----

// A use through a window and a cast is a use.
func.func @through_views(%v: f32) {
  %a = sloop.alloc : memref<4xf32>
  %w = tmem.window %a[1] [2] : memref<4xf32>
  %c = memref.cast %w : memref<2xf32, strided<[1], offset: ?>> to memref<?xf32, strided<[1], offset: ?>>
  // expected-error @+1 {{cannot let buffer 'b' reuse 'a': 'a' is still used after 'b' is allocated, by 'sloop.load' (line 42)}}
  %b = sloop.alloc : memref<4xf32>
  sloop.store %v, %b[0] : memref<4xf32>
  %x = sloop.load %c[0] : memref<?xf32, strided<[1], offset: ?>>
  sloop.store %x, %b[1] : memref<4xf32>
  return
}
