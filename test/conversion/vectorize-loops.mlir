// RUN: usl-opt %s --split-input-file --convert-sloop-to-scf | FileCheck %s

// Tests that a vec loop becomes vector ops: a contiguous access a vector
// load or store at the first lane, a uniform load one scalar load, scalars
// broadcast where they meet vectors.
// CHECK-LABEL: func @contiguous
// CHECK-SAME: (%[[A:[a-z0-9]+]]: memref<?x?xf32>, %[[B:[a-z0-9]+]]: memref<?x?xf32>, %[[S:[a-z0-9]+]]: f32, %[[I:[a-z0-9]+]]: index, %[[O:[a-z0-9]+]]: index)
// CHECK-NOT: scf.for
// CHECK: %[[V:.*]] = vector.load %[[A]][%[[I]], %{{.*}}] : memref<?x?xf32>, vector<8xf32>
// CHECK: %[[U:.*]] = memref.load %[[A]][%[[I]], %[[O]]] : memref<?x?xf32>
// CHECK: %[[SV:.*]] = vector.broadcast %[[S]] : f32 to vector<8xf32>
// CHECK: %[[P:.*]] = arith.addf %[[V]], %[[SV]] : vector<8xf32>
// CHECK: %[[UV:.*]] = vector.broadcast %[[U]] : f32 to vector<8xf32>
// CHECK: %[[Q:.*]] = arith.mulf %[[P]], %[[UV]] : vector<8xf32>
// CHECK: vector.store %[[Q]], %[[B]][%[[I]], %{{.*}}] : memref<?x?xf32>, vector<8xf32>
func.func @contiguous(%A: memref<?x?xf32>, %B: memref<?x?xf32>, %s: f32, %i: index, %o: index) {
  sloop.for %l = 0 to 8 vec {
    %a = sloop.load %A[%i, %o + %l] : memref<?x?xf32>
    %u = sloop.load %A[%i, %o] : memref<?x?xf32>
    %p = arith.addf %a, %s : f32
    %q = arith.mulf %p, %u : f32
    sloop.store %q, %B[%i, %o + %l] : memref<?x?xf32>
  }
  return
}

// -----

// Tests that a guard depending on the lane becomes a mask (lane l passes
// when o * 16 + l < N) for masked loads and stores; dividing by a constant
// other than 0 and -1 is safe in masked-off lanes.
// CHECK-LABEL: func @masked
// CHECK: %[[ZERO:.*]] = arith.constant dense<0> : vector<16xindex>
// CHECK: %[[BASE:.*]] = vector.broadcast %{{.*}} : index to vector<16xindex>
// CHECK: %[[STEPS:.*]] = arith.constant dense<[0, -1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12, -13, -14, -15]> : vector<16xindex>
// CHECK: %[[LANES:.*]] = arith.addi %[[BASE]], %[[STEPS]] : vector<16xindex>
// CHECK: %[[MASK:.*]] = arith.cmpi sge, %[[LANES]], %[[ZERO]] : vector<16xindex>
// CHECK: %[[A:.*]] = vector.maskedload %{{.*}}[%{{.*}}], %[[MASK]], %{{.*}} : memref<?xi16>, vector<16xi1>, vector<16xi16> into vector<16xi16>
// CHECK: %[[D:.*]] = arith.divui %[[A]], %{{.*}} : vector<16xi16>
// CHECK: vector.maskedstore %{{.*}}[%{{.*}}], %[[MASK]], %[[D]]
func.func @masked(%A: memref<?xi16>, %N: index, %o: index) {
  %c3 = arith.constant 3 : i16
  sloop.for %l = 0 to 16 vec {
    sloop.if %o * 16 + %l < %N {
      %a = sloop.load %A[%o * 16 + %l] : memref<?xi16>
      %d = arith.divui %a, %c3 : i16
      sloop.store %d, %A[%o * 16 + %l] : memref<?xi16>
    }
  }
  return
}

// -----

// Tests that a guard the same in every lane stays a guard.
// CHECK-LABEL: func @uniform_guard
// CHECK: scf.if %{{.*}} {
// CHECK-NEXT: affine.apply
// CHECK-NEXT: vector.load %{{.*}} : memref<?xf32>, vector<4xf32>
// CHECK: vector.store
func.func @uniform_guard(%A: memref<?xf32>, %N: index, %o: index) {
  sloop.for %l = 0 to 4 vec {
    sloop.if %o < %N {
      %a = sloop.load %A[%o * 4 + %l] : memref<?xf32>
      sloop.store %a, %A[%o * 4 + %l] : memref<?xf32>
    }
  }
  return
}

// -----

// Tests that an index stepping with the lanes, used as data, becomes a
// vector: its first lane broadcast plus the lane offsets times its step.
// CHECK-LABEL: func @lanes
// CHECK: %[[FIRST:.*]] = affine.apply
// CHECK: %[[B:.*]] = vector.broadcast %[[FIRST]] : index to vector<4xindex>
// CHECK: %[[OFF:.*]] = arith.constant dense<[0, 1, 2, 3]> : vector<4xindex>
// CHECK: %[[X:.*]] = arith.addi %[[B]], %[[OFF]] : vector<4xindex>
// CHECK: arith.index_cast %[[X]] : vector<4xindex> to vector<4xi64>
func.func @lanes(%A: memref<?xi64>, %o: index) {
  sloop.for %l = 0 to 4 vec {
    %x = affine.apply affine_map<(d0, d1) -> (d0 * 2 + d1)>(%o, %l)
    %v = arith.index_cast %x : index to i64
    sloop.store %v, %A[%l] : memref<?xi64>
  }
  return
}

// -----

// Tests that vec loops stay scalar loops when their body is not made of
// contiguous accesses and lane-wise ops: a strided access (a gather), a
// division by a variable under a mask (masked-off lanes divide too), a
// reduction, and (written by hand, so never checked) lanes that read what
// other lanes write.
// CHECK-LABEL: func @scalar
// CHECK-NOT: vector.
// CHECK: scf.for
// CHECK: memref.load
// CHECK: scf.for
// CHECK: arith.divsi %{{.*}}, %{{.*}} : i32
// CHECK: scf.for
// CHECK: arith.addi %{{.*}}, %{{.*}} : i32
// CHECK: scf.for
// CHECK: memref.load
// CHECK: memref.store
// CHECK-NOT: vector.
func.func @scalar(%A: memref<?xi32>, %B: memref<?xi32>, %N: index, %d: i32) {
  sloop.for %l = 0 to 4 vec {
    %a = sloop.load %A[%l * 2] : memref<?xi32>
    sloop.store %a, %B[%l] : memref<?xi32>
  }
  sloop.for %m = 0 to 4 vec {
    sloop.if %m < %N {
      %a = sloop.load %A[%m] : memref<?xi32>
      %q = arith.divsi %a, %d : i32
      sloop.store %q, %B[%m] : memref<?xi32>
    }
  }
  sloop.for %n = 0 to 4 vec {
    %a = sloop.load %A[%n] : memref<?xi32>
    sloop.reduce add %a, %B[0] : memref<?xi32>
  }
  sloop.for %p = 0 to 4 vec {
    %a = sloop.load %A[%p] : memref<?xi32>
    sloop.store %a, %A[%p + 1] : memref<?xi32>
  }
  return
}
