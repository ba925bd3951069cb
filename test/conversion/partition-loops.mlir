// RUN: usl-opt %s --split-input-file --partition-loops | FileCheck %s

// Tests that the guard of partial tiles leaves the steady state: full tiles
// run unguarded, the last tile runs only its valid iterations, and the
// copy of the inner loop where the guard fails everywhere is dropped.
// CHECK-LABEL: func @tail
// CHECK-SAME: %[[N:[a-z0-9]+]]: index)
// CHECK: %[[FULL:.*]] = arith.maxsi
// CHECK: sloop.for %io = 0 to %[[FULL]] {
// CHECK-NEXT: sloop.for %ii = 0 to 8 {
// CHECK-NEXT: sloop.load
// CHECK-NEXT: sloop.store
// CHECK: sloop.for %io.epilogue = %[[FULL]] to %[[N]] ceildiv 8 {
// CHECK: %[[VALID:.*]] = arith.maxsi
// CHECK: sloop.for %ii = 0 to %[[VALID]] {
// CHECK-NEXT: sloop.load
// CHECK-NOT: sloop.if
// CHECK: return
func.func @tail(%A: memref<?xf32>, %B: memref<?xf32>, %N: index) {
  sloop.for %io = 0 to %N ceildiv 8 {
    sloop.for %ii = 0 to 8 {
      sloop.if %io * 8 + %ii < %N {
        %v = sloop.load %A[%io * 8 + %ii] : memref<?xf32>
        sloop.store %v, %B[%io * 8 + %ii] : memref<?xf32>
      }
    }
  }
  return
}

// -----

// Tests that a clamp-to-edge index (max with 0, then min with N - 1) is
// the plain index in the steady state. Only the first iteration needs the
// lower clamp; the upper one holds on the whole loop (i - 1 <= N - 1), so
// no epilogue is made for it.
// CHECK-LABEL: func @clamp
// CHECK-SAME: %[[N:[a-z0-9]+]]: index)
// CHECK: %[[START:.*]] = arith.minsi %{{.*}}, %[[N]]
// CHECK: sloop.for %i.prologue = 0 to %[[START]] {
// CHECK: arith.maxsi
// CHECK: arith.minsi
// CHECK: sloop.for %i = %[[START]] to %[[N]] {
// CHECK-NEXT: %[[L:.*]] = arith.subi %i,
// CHECK-NEXT: sloop.load %{{.*}}[%[[L]]]
// CHECK-NOT: sloop.for
// CHECK: return
func.func @clamp(%A: memref<?xf32>, %B: memref<?xf32>, %N: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %last = arith.subi %N, %c1 : index
  sloop.for %i = 0 to %N {
    %l = arith.subi %i, %c1 : index
    %lo = arith.maxsi %l, %c0 : index
    %in = arith.minsi %lo, %last : index
    %v = sloop.load %A[%in] : memref<?xf32>
    sloop.store %v, %B[%i] : memref<?xf32>
  }
  return
}

// -----

// Tests that conditions true wherever they are evaluated are dropped
// without copies.
// CHECK-LABEL: func @always
// CHECK: sloop.for %i = 0 to
// CHECK-NEXT: sloop.load %{{.*}}[%i]
// CHECK-NOT: sloop.for
// CHECK-NOT: sloop.if
func.func @always(%A: memref<?xf32>, %N: index) {
  %c0 = arith.constant 0 : index
  sloop.for %i = 0 to %N {
    %m = arith.maxsi %i, %c0 : index
    sloop.if %i >= 0 {
      %v = sloop.load %A[%m] : memref<?xf32>
      sloop.store %v, %A[%i] : memref<?xf32>
    }
  }
  return
}

// -----

// Tests that what is not linear in a loop variable stays: equalities and
// mod in guards, and loops with a step other than 1. A condition on two
// loops splits the outer one where it holds for all of the inner loop's
// run-time range (i < N - M + 1), then the inner one in the outer's
// epilogue, where the outer variable is a symbol.
// CHECK-LABEL: func @kept
// CHECK: sloop.for %i = 0 to
// CHECK-NEXT: sloop.for %j = 0 to %{{.*}} {
// CHECK-NEXT: sloop.if %i mod 2 == 0 {
// CHECK: sloop.for %i.epilogue =
// CHECK: sloop.for %j = 0 to %{{.*}} {
// CHECK-NEXT: sloop.if %i.epilogue mod 2 == 0 {
// CHECK-NOT: sloop.for %j
// CHECK: sloop.for %k = 0 to %{{.*}} step 2 {
// CHECK-NEXT: sloop.if %k <= 6 {
func.func @kept(%A: memref<?x?xf32>, %N: index, %M: index) {
  sloop.for %i = 0 to %N {
    sloop.for %j = 0 to %M {
      sloop.if %i + %j < %N and %i mod 2 == 0 {
        %v = sloop.load %A[%i, %j] : memref<?x?xf32>
        sloop.store %v, %A[%i, %j] : memref<?x?xf32>
      }
    }
  }
  sloop.for %k = 0 to %N step 2 {
    sloop.if %k < 7 {
      %v = sloop.load %A[%k, %k] : memref<?x?xf32>
      sloop.store %v, %A[%k, %k] : memref<?x?xf32>
    }
  }
  return
}

// -----

// Tests that vec loops are not split: their guard stays in the last tile,
// to become a lane mask.
// CHECK-LABEL: func @vec
// CHECK: sloop.for %o = 0 to %{{.*}} {
// CHECK-NEXT: sloop.for %l = 0 to 4 vec {
// CHECK-NEXT: sloop.load
// CHECK: sloop.for %o.epilogue =
// CHECK-NEXT: sloop.for %l = 0 to 4 vec {
// CHECK-NEXT: sloop.if %o.epilogue * 4 + %l < %{{.*}} {
func.func @vec(%A: memref<?xf32>, %N: index) {
  sloop.for %o = 0 to %N ceildiv 4 {
    sloop.for %l = 0 to 4 vec {
      sloop.if %o * 4 + %l < %N {
        %v = sloop.load %A[%o * 4 + %l] : memref<?xf32>
        sloop.store %v, %A[%o * 4 + %l] : memref<?xf32>
      }
    }
  }
  return
}

// -----

// With loops=, only the named loops are split: the tile loop gets a
// steady state, the point loop inside its edge copy keeps its guard.
// RUN: usl-opt %s --split-input-file --partition-loops=loops=xo | FileCheck %s --check-prefix=NAMED
// NAMED-LABEL: func @named
// NAMED:      sloop.for %xo = 0 to %{{.*}} {
// NAMED-NEXT:   sloop.for %x = 0 to 16 {
// NAMED-NEXT:     sloop.store
// NAMED:      sloop.for %xo.epilogue = %{{.*}} to %{{.*}} {
// NAMED-NEXT:   sloop.for %x = 0 to 16 {
// NAMED-NEXT:     sloop.if %xo.epilogue * 16 + %x < %{{.*}} {
// RUN: not usl-opt %s --split-input-file --partition-loops=loops=a,b,c,d,e,f,g,h,i 2>&1 | FileCheck %s --check-prefix=MANY
// MANY: error: 'partition-loops': at most 8 loops in loops=
func.func @named(%A: memref<?xf32>, %n: index) {
  %z = arith.constant 0.0 : f32
  sloop.for %xo = 0 to %n ceildiv 16 {
    sloop.for %x = 0 to 16 {
      sloop.if %xo * 16 + %x < %n {
        sloop.store %z, %A[%xo * 16 + %x] : memref<?xf32>
      }
    }
  }
  return
}

// -----

// Tests a guard with an else branch (a zero boundary) under an inner loop
// with a run-time bound: the steady state runs the then branch alone, the
// edge keeps both branches (its guard is not dropped as dead, since the
// else branch runs where it fails).
// CHECK-LABEL: func @with_else
// CHECK:      sloop.for %jo = 0 to %{{.*}} {
// CHECK-NEXT:   sloop.for %r = 0 to %{{.*}} {
// CHECK-NEXT:     sloop.for %j = 0 to 4 {
// CHECK-NEXT:       sloop.load
// CHECK-NEXT:       sloop.store
// CHECK-NEXT:     }
// CHECK:      sloop.for %jo.epilogue = %{{.*}} to %{{.*}} {
// CHECK:        sloop.for %r.epilogue =
// CHECK:          sloop.for %j.epilogue =
// CHECK-NEXT:       sloop.if %jo.epilogue * 4 + %j.epilogue + %r.epilogue < %{{.*}} {
// CHECK:            } else {
// CHECK-NEXT:         sloop.store %{{.*}}, %{{.*}}[%jo.epilogue * 4 + %j.epilogue]
func.func @with_else(%A: memref<?xf32>, %B: memref<?xf32>, %N: index, %W: index) {
  %z = arith.constant 0.0 : f32
  sloop.for %jo = 0 to %N floordiv 4 {
    sloop.for %r = 0 to %W {
      sloop.for %j = 0 to 4 {
        sloop.if %jo * 4 + %j + %r < %N {
          %v = sloop.load %A[%jo * 4 + %j + %r] : memref<?xf32>
          sloop.store %v, %B[%jo * 4 + %j] : memref<?xf32>
        } else {
          sloop.store %z, %B[%jo * 4 + %j] : memref<?xf32>
        }
      }
    }
  }
  return
}
