// Tests that the case study's conv1d (zero boundary) in scheduled loops,
// lowered to LLVM and run through the JIT, equals a plain C reference: at the
// case-study sizes (IC=4, N=16, OC=16, W=4) and at prime sizes.

// RUN: clang-22 -O1 -shared -fPIC %S/Inputs/reference.c -o %t.so
// RUN: usl-run %s -e conv1d --args=4,16,16,4,4x16,16x4x4,16x16 --reference=%t.so:conv1d_ref | FileCheck %s
// RUN: usl-run %s -e conv1d --args=3,17,5,4,3x17,5x3x4,5x17 --reference=%t.so:conv1d_ref | FileCheck %s
// RUN: usl-run %s -e conv1d --args=7,31,13,3,7x31,13x7x3,13x31 --seed=3 --reference=%t.so:conv1d_ref | FileCheck %s
// CHECK: usl-run: @conv1d matches {{.*}}.so:conv1d_ref: 3 buffers

func.func @conv1d(%IC: index, %N: index, %OC: index, %W: index,
                  %data: memref<?x?xi32>, %kernels: memref<?x?x?xi32>,
                  %out: memref<?x?xi32>) {
  %zero = arith.constant 0 : i32
  sloop.for %i = 0 to %OC {
    sloop.for %j = 0 to %N {
      sloop.store %zero, %out[%i, %j] : memref<?x?xi32>
      sloop.for %c = 0 to %IC {
        sloop.for %r = 0 to %W {
          %y = sloop.if %j + %r < %N -> i32 {
            %d = sloop.load %data[%c, %j + %r] : memref<?x?xi32>
            sloop.yield %d : i32
          } else {
            sloop.yield %zero : i32
          }
          %k = sloop.load %kernels[%i, %c, %r] : memref<?x?x?xi32>
          %p = arith.muli %y, %k : i32
          sloop.reduce add %p, %out[%i, %j] : memref<?x?xi32>
        }
      }
    }
  }
  return
}
