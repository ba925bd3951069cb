// Resource limits: schedules that would blow up the IR and programs too
// big for the dependence analysis get one clear error each, at once.

// Unrolling a loop around a loop already unrolled: 4096 x 4096 copies.
// RUN: not usl-opt %s --unroll="func=nested loop=j" --unroll="func=nested loop=i" 2>&1 | FileCheck %s --check-prefix=NESTED
// NESTED: resource-limits.mlir:[[@LINE+4]]:3: error: cannot unroll loop 'i': with the unroll loops around and inside it, it would expand to more than 262144 ops
// RUN: not usl-opt %s --unroll="func=nested loop=j" --unroll="func=nested loop=i factor=64" 2>&1 | FileCheck %s --check-prefix=FACTOR
// FACTOR: error: cannot unroll loop 'i' by 64: with the unroll loops around and inside it, it would expand to more than 262144 ops
func.func @nested(%A: memref<4096x4096xf32>) {
  sloop.for %i = 0 to 4096 {
    sloop.for %j = 0 to 4096 {
      %a = sloop.load %A[%i, %j] : memref<4096x4096xf32>
      sloop.store %a, %A[%i, %j] : memref<4096x4096xf32>
    }
  }
  return
}

// The same written as input: lowering refuses to expand it.
// RUN: not usl-opt %s --convert-sloop-to-scf 2>&1 | FileCheck %s --check-prefix=LOWER
// LOWER: resource-limits.mlir:[[@LINE+2]]:3: error: cannot unroll loop 'i': its 4096 copies would hold more than 262144 ops
func.func @written_unrolled(%A: memref<4096x4096xf32>) {
  sloop.for %i = 0 to 4096 unroll {
    sloop.for %j = 0 to 4096 unroll {
      %a = sloop.load %A[%i, %j] : memref<4096x4096xf32>
      sloop.store %a, %A[%i, %j] : memref<4096x4096xf32>
    }
  }
  return
}

// A huge trip count, fully unrolled.
// RUN: not usl-opt %s --unroll="func=huge loop=i" 2>&1 | FileCheck %s --check-prefix=HUGE
// HUGE: resource-limits.mlir:[[@LINE+2]]:3: error: cannot fully unroll loop 'i': 1000000000000 iterations, at most 4096
func.func @huge(%A: memref<?xf32>) {
  sloop.for %i = 0 to 1000000000000 {
    %a = sloop.load %A[%i] : memref<?xf32>
    sloop.store %a, %A[%i] : memref<?xf32>
  }
  return
}

// The largest bounds a loop may have (2^61 either way): split exactly.
// RUN: usl-opt %s --split="func=widest loop=i factor=7 tail=guard" | FileCheck %s --check-prefix=WIDE
// WIDE-LABEL: func.func @widest
// WIDE:         sloop.for %io = 0 to 658812288346769701 {
// WIDE-NEXT:      sloop.for %ii = 0 to 7 {
// WIDE-NEXT:        sloop.if %io * 7 + %ii <= 4611686018427387903 {
// WIDE-NEXT:          sloop.load %{{.*}}[%io * 7 + %ii - 2305843009213693952]
func.func @widest(%A: memref<?xf32>) {
  sloop.for %i = -2305843009213693952 to 2305843009213693952 {
    %a = sloop.load %A[%i] : memref<?xf32>
    sloop.store %a, %A[%i] : memref<?xf32>
  }
  return
}

// Nests deeper than the dependence analysis takes.
// RUN: not usl-opt %s --reorder="func=deep loop=l0" 2>&1 | FileCheck %s --check-prefix=DEEP
// RUN: not usl-opt %s --parallelize="func=deep loop=l3" 2>&1 | FileCheck %s --check-prefix=DEEP
// DEEP: error: cannot {{.*}}: 'sloop.load' (line {{[0-9]+}}) is nested in 17 loops; the dependence analysis takes at most 16, so the directive cannot be checked
func.func @deep(%A: memref<4xf32>) {
  sloop.for %l0 = 0 to 2 {
    sloop.for %l1 = 0 to 2 {
      sloop.for %l2 = 0 to 2 {
        sloop.for %l3 = 0 to 2 {
          sloop.for %l4 = 0 to 2 {
            sloop.for %l5 = 0 to 2 {
              sloop.for %l6 = 0 to 2 {
                sloop.for %l7 = 0 to 2 {
                  sloop.for %l8 = 0 to 2 {
                    sloop.for %l9 = 0 to 2 {
                      sloop.for %l10 = 0 to 2 {
                        sloop.for %l11 = 0 to 2 {
                          sloop.for %l12 = 0 to 2 {
                            sloop.for %l13 = 0 to 2 {
                              sloop.for %l14 = 0 to 2 {
                                sloop.for %l15 = 0 to 2 {
                                  sloop.for %l16 = 0 to 2 {
                                    %a = sloop.load %A[0] : memref<4xf32>
                                    sloop.store %a, %A[1] : memref<4xf32>
                                  }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
  return
}

// Functions with more accesses than the analysis takes (its cost grows with
// the square of their number).
// RUN: not usl-opt %S/Inputs/many-accesses.mlir --parallelize=loop=i 2>&1 | FileCheck %s --check-prefix=MANY
// MANY: error: cannot parallelize loop 'i': the function has 514 accesses to buffers; the dependence analysis takes at most 512, so the directive cannot be checked
