// RUN: usl-opt %s --split-input-file --simplify | FileCheck %s

// Tests that single-iteration and empty loops go, and guards settled by the
// loop ranges go with them.
// CHECK-LABEL: func @tidy
// CHECK-NEXT: sloop.for %ii = 0 to 4 {
// CHECK-NEXT: sloop.load %{{.*}}[%ii + 8]
// CHECK-NEXT: sloop.store
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @tidy(%A: memref<16xf32>) {
  sloop.for %io = 2 to 3 {
    sloop.for %ii = 0 to 4 {
      sloop.if %io * 4 + %ii < 16 {
        %a = sloop.load %A[%io * 4 + %ii] : memref<16xf32>
        sloop.store %a, %A[%io * 4 + %ii] : memref<16xf32>
      }
    }
  }
  sloop.for %e = 0 to 0 {
    %a = sloop.load %A[%e] : memref<16xf32>
    sloop.store %a, %A[%e] : memref<16xf32>
  }
  sloop.for %n = 0 to 8 {
  }
  return
}

// -----

// Tests that a guard that never holds is replaced by its else branch, and
// one that depends on a symbol stays.
// CHECK-LABEL: func @guards
// CHECK: %[[Z:.*]] = arith.constant 0.0
// CHECK: sloop.for %i = 0 to 4 {
// CHECK-NEXT: sloop.store %[[Z]]
// CHECK-NEXT: sloop.if %i < %{{.*}} {
func.func @guards(%A: memref<4xf32>, %n: index) {
  %z = arith.constant 0.0 : f32
  sloop.for %i = 0 to 4 {
    %v = sloop.if %i >= 4 -> f32 {
      %a = sloop.load %A[%i] : memref<4xf32>
      sloop.yield %a : f32
    } else {
      sloop.yield %z : f32
    }
    sloop.store %v, %A[%i] : memref<4xf32>
    sloop.if %i < %n {
      sloop.store %z, %A[%i] : memref<4xf32>
    }
  }
  return
}

// -----

// Tests that index constants move into the affine maps, so a static size
// becomes a constant bound.
// CHECK-LABEL: func @constants
// CHECK: sloop.for %i = 0 to 64 {
// CHECK-NEXT: sloop.load %{{.*}}[%i + 3]
func.func @constants(%A: memref<67xf32>) {
  %n = arith.constant 64 : index
  %three = arith.constant 3 : index
  sloop.for %i = 0 to %n {
    %a = sloop.load %A[%i + %three] : memref<67xf32>
    sloop.store %a, %A[%i] : memref<67xf32>
  }
  return
}

// -----

// Conditions that hold by the lower bounds alone go, even when the loops'
// upper bounds are known only at run time; the others stay.
// CHECK-LABEL: func @half_bounded
// CHECK: sloop.if %jo * 16 + %j < %{{.*}} {
// CHECK-NOT: >= 0
func.func @half_bounded(%A: memref<?xf32>, %n: index) {
  %z = arith.constant 0.0 : f32
  sloop.for %jo = 0 to %n ceildiv 16 {
    sloop.for %j = 0 to 16 {
      sloop.if %jo * 16 + %j >= 0 and %jo * 16 + %j < %n {
        sloop.store %z, %A[%jo * 16 + %j] : memref<?xf32>
      }
    }
  }
  return
}

// -----

// Upper bounds count too: a full tile (%io < N floordiv 4) stays inside N,
// through the bound of an outer loop as well; a size read from another
// buffer proves nothing, and a ceildiv bound (a partial last tile) neither.
// CHECK-LABEL: func @floordiv_bounds
// CHECK:      sloop.for %io = 0 to %[[N:.*]] floordiv 4 {
// CHECK-NEXT:   sloop.for %ii = 0 to 4 {
// CHECK-NEXT:     sloop.if %io * 4 + %ii < %[[M:[a-z_0-9]+]] {
// CHECK-NEXT:       sloop.store
// CHECK-NEXT:     }
// CHECK-NEXT:     sloop.store
// CHECK-NEXT:   }
// CHECK:      sloop.for %jo = 0 to %[[N]] ceildiv 4 {
// CHECK:          sloop.if %jo * 4 + %ji < %[[N]] {
func.func @floordiv_bounds(%A: memref<?xf32>, %B: memref<?xf32>) {
  %z = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %n = memref.dim %A, %c0 : memref<?xf32>
  %m = memref.dim %B, %c0 : memref<?xf32>
  sloop.for %io = 0 to %n floordiv 4 {
    sloop.for %ii = 0 to 4 {
      sloop.if %io * 4 + %ii < %m {
        sloop.store %z, %B[%io * 4 + %ii] : memref<?xf32>
      }
      sloop.if %io * 4 + %ii < %n {
        sloop.store %z, %A[%io * 4 + %ii] : memref<?xf32>
      }
    }
  }
  sloop.for %jo = 0 to %n ceildiv 4 {
    sloop.for %ji = 0 to 4 {
      sloop.if %jo * 4 + %ji < %n {
        sloop.store %z, %A[%jo * 4 + %ji] : memref<?xf32>
      }
    }
  }
  return
}
