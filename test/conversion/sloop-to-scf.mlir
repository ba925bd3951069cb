// RUN: usl-opt %s --split-input-file --convert-sloop-to-scf | FileCheck %s

// Tests that seq loops become scf.for, par loops scf.parallel, and affine
// indices affine.apply; reductions become a load, an op and a store.
// CHECK-LABEL: func @kinds
// CHECK-SAME: (%[[A:[a-z0-9]+]]: memref<?x8xf32>, %[[N:[a-z0-9]+]]: index)
func.func @kinds(%A: memref<?x8xf32>, %N: index) {
  // CHECK: scf.for %[[I:.*]] = %{{.*}} to %[[N]] step %{{.*}} {
  sloop.for %i = 0 to %N {
    // CHECK: scf.parallel (%[[J:.*]]) = (%{{.*}}) to (%{{.*}}) step (%{{.*}}) {
    sloop.for %j = 0 to 7 par {
      // CHECK: %[[J1:.*]] = affine.apply #{{.*}}(%[[J]])
      // CHECK: %[[V:.*]] = memref.load %[[A]][%[[I]], %[[J1]]] : memref<?x8xf32>
      %v = sloop.load %A[%i, %j + 1] : memref<?x8xf32>
      // CHECK: %[[OLD:.*]] = memref.load %[[A]][%[[I]], %[[J]]]
      // CHECK: %[[SUM:.*]] = arith.addf %[[OLD]], %[[V]] : f32
      // CHECK: memref.store %[[SUM]], %[[A]][%[[I]], %[[J]]]
      sloop.reduce add %v, %A[%i, %j] : memref<?x8xf32>
      // CHECK: arith.maxnumf
      sloop.reduce max %v, %A[%i, %j] : memref<?x8xf32>
      // CHECK: scf.reduce
    }
  }
  // CHECK-NOT: sloop.
  return
}

// -----

// Tests that an unroll loop becomes one copy of its body per iteration.
// CHECK-LABEL: func @unroll
func.func @unroll(%A: memref<8xi32>) {
  // CHECK-NOT: scf.for
  // CHECK: %[[C1:.*]] = arith.constant 1 : index
  // CHECK: memref.load %{{.*}}[%[[C1]]]
  // CHECK: %[[C3:.*]] = arith.constant 3 : index
  // CHECK: memref.load %{{.*}}[%[[C3]]]
  // CHECK: %[[C5:.*]] = arith.constant 5 : index
  // CHECK: memref.load %{{.*}}[%[[C5]]]
  // CHECK-NOT: arith.constant 7
  sloop.for %u = 1 to 6 step 2 unroll {
    %x = sloop.load %A[%u] : memref<8xi32>
    sloop.reduce add %x, %A[0] : memref<8xi32>
  }
  return
}

// -----

// Tests that guards become scf.if on arith.cmpi of affine expressions.
// CHECK-LABEL: func @guards
func.func @guards(%data: memref<16xi32>, %N: index) -> i32 {
  %zero = arith.constant 0 : i32
  %j = arith.constant 3 : index
  // CHECK: %[[E:.*]] = affine.apply #{{.*}}(%{{.*}}, %{{.*}})
  // CHECK: %[[C:.*]] = arith.cmpi sge, %[[E]], %{{.*}} : index
  // CHECK: %[[R:.*]] = scf.if %[[C]] -> (i32) {
  // CHECK:   scf.yield %{{.*}} : i32
  // CHECK: } else {
  // CHECK:   scf.yield %{{.*}} : i32
  %v = sloop.if %j + 1 < %N -> i32 {
    %x = sloop.load %data[%j + 1] : memref<16xi32>
    sloop.yield %x : i32
  } else {
    sloop.yield %zero : i32
  }
  // CHECK: return %[[R]]
  return %v : i32
}

// -----

// Tests buffers: small static dram buffers and dram_static go to the entry
// block's stack (small ones inside a par loop to the start of its body);
// big and dynamic ones to the heap, freed at the end of their block.
// Memory spaces are dropped.
// CHECK-LABEL: func @buffers
// CHECK-SAME: memref<4xf32>
func.func @buffers(%arg: memref<4xf32, #tmem.space<dram>>, %n: index) {
  // CHECK-DAG: memref.alloca() : memref<64x16xf32>
  // CHECK-DAG: memref.alloca() : memref<4xf32>
  sloop.for %i = 0 to 4 {
    %t = sloop.alloc : memref<4xf32, #tmem.space<dram>>
    %x = sloop.load %arg[%i] : memref<4xf32, #tmem.space<dram>>
    sloop.store %x, %t[%i] : memref<4xf32, #tmem.space<dram>>
  }
  %packed = sloop.alloc : memref<64x16xf32, #tmem.space<dram_static>>
  // A small buffer private to a par loop's iterations: a stack slot at the
  // start of its body; a big one: the heap.
  // CHECK: scf.parallel
  // CHECK:   memref.alloca() : memref<4xf32>
  // CHECK:   %[[P:.*]] = memref.alloc() : memref<256x128xf32>
  // CHECK:   memref.dealloc %[[P]]
  // CHECK-NEXT: scf.reduce
  sloop.for %p = 0 to 2 par {
    %priv = sloop.alloc : memref<4xf32>
    %big = sloop.alloc : memref<256x128xf32>
  }
  // CHECK: %[[D:.*]] = memref.alloc(%{{.*}}) : memref<?xf32>
  // CHECK: memref.dealloc %[[D]]
  // CHECK-NEXT: return
  %dyn = sloop.alloc(%n) : memref<?xf32>
  return
}

// -----

// Tests that a dram_static buffer private to a par loop's iterations is
// placed at the start of the loop's body (a slot per thread), not at the
// function's entry where the threads would share it; past the 64 KiB per
// buffer of the stack budget, it is one heap allocation there.
// CHECK-LABEL: func @static_in_par
// CHECK: scf.parallel
// CHECK-NEXT: memref.alloca() : memref<16xf32>
// CHECK-NEXT: %[[H:.*]] = memref.alloc() : memref<32768xf32>
// CHECK-NOT: memref.alloc
// CHECK: memref.dealloc %[[H]]
// CHECK-NEXT: scf.reduce
func.func @static_in_par(%A: memref<8x16xf32>) {
  sloop.for %i = 0 to 8 par {
    sloop.for %k = 0 to 2 {
      %t = sloop.alloc : memref<16xf32, #tmem.space<dram_static>>
      %big = sloop.alloc : memref<32768xf32, #tmem.space<dram_static>>
      %x = sloop.load %A[%i, %k] : memref<8x16xf32>
      sloop.store %x, %t[%k] : memref<16xf32, #tmem.space<dram_static>>
      sloop.store %x, %big[%k] : memref<32768xf32, #tmem.space<dram_static>>
    }
  }
  return
}

// -----

// Tests the stack budget of a function: 16 MiB of dram_static is one heap
// allocation at the entry, freed at the return; of five 64 KiB buffers,
// four fit the 256 KiB of the frame and the fifth goes to the heap.
// CHECK-LABEL: func @stack_budget
// CHECK-COUNT-4: memref.alloca() : memref<16384xf32>
// CHECK-NEXT: %[[FIFTH:.*]] = memref.alloc() : memref<16384xf32>
// CHECK-NEXT: %[[BIG:.*]] = memref.alloc() : memref<4194304xf32>
// CHECK-NOT: memref.alloca
// CHECK: memref.dealloc %[[BIG]]
// CHECK-NEXT: memref.dealloc %[[FIFTH]]
// CHECK-NEXT: return
func.func @stack_budget() {
  %big = sloop.alloc : memref<4194304xf32, #tmem.space<dram_static>>
  %a = sloop.alloc : memref<16384xf32, #tmem.space<dram_static>>
  %b = sloop.alloc : memref<16384xf32, #tmem.space<dram_static>>
  %c = sloop.alloc : memref<16384xf32>
  %d = sloop.alloc : memref<16384xf32, #tmem.space<dram_static>>
  %e = sloop.alloc : memref<16384xf32, #tmem.space<dram_static>>
  return
}

// -----

// Tests that the registers convert-avx512 leaves (`usl.register`) stay
// stack slots outside the budget: LLVM keeps them in registers.
// CHECK-LABEL: func @registers_outside_budget
// CHECK-COUNT-5: memref.alloca()
// CHECK-NEXT: %[[H:.*]] = memref.alloc() : memref<16xf32>
// CHECK-NEXT: memref.dealloc %[[H]]
func.func @registers_outside_budget() {
  %a = sloop.alloc : memref<16384xf32>
  %b = sloop.alloc : memref<16384xf32>
  %c = sloop.alloc : memref<16384xf32>
  %d = sloop.alloc : memref<16384xf32>
  %reg = sloop.alloc {usl.register} : memref<16xf32>
  %mem = sloop.alloc : memref<16xf32>
  return
}

// -----

// Tests that windows become subviews at affine offsets.
// CHECK-LABEL: func @windows
func.func @windows(%K: memref<16x4xi32>) {
  sloop.for %io = 0 to 4 {
    // CHECK: %[[O:.*]] = affine.apply #{{.*}}(%{{.*}})
    // CHECK: memref.subview %{{.*}}[%[[O]], %{{.*}}] [4, 4] [1, 1] : memref<16x4xi32> to memref<4x4xi32, strided<[4, 1], offset: ?>>
    %w = tmem.window %K[%io * 4, 0] [4, 4] : memref<16x4xi32>
  }
  return
}
