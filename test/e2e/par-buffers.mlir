// Tests buffer storage at run time. A dram_static buffer private to each
// iteration of a par loop is storage of each thread: it was one buffer at
// the function's entry shared by the threads, wrong under OpenMP (at -O3
// LLVM's outliner happened to move it into the threads' code; -O0 shows
// it). Run several times on threads, it equals the plain loops, also past
// the stack budget (on the heap). A 16 MiB dram_static buffer (a stack
// slot: SIGSEGV) runs.

// DEFINE: %{rows} = --args=4096x1024,4096x1024 --args=2049x1024,2049x1024 --args=3x1024,3x1024 --args=4096x1024,4096x1024
// RUN: usl-run %s -e par_static --compare=plain --openmp %{rows} | FileCheck %s
// RUN: usl-run %s -e par_static --compare=plain --openmp -O0 %{rows} | FileCheck %s
// RUN: usl-run %s -e par_static_heap --compare=plain --openmp %{rows} | FileCheck %s
// RUN: usl-run %s -e par_static --compare=plain %{rows} | FileCheck %s
// CHECK-COUNT-4: matches @plain: 2 buffers

// RUN: usl-run %s -e big_static --compare=big_plain --args=4194304,4194304 | FileCheck %s --check-prefix=BIG
// BIG: usl-run: @big_static matches @big_plain: 2 buffers, 8388608 elements, max abs diff 0

// Each row: t = 2 * A[i, :], then B[i, j] = t[j] + t[1023 - j].
func.func @plain(%A: memref<?x1024xf32>, %B: memref<?x1024xf32>) {
  %c0 = arith.constant 0 : index
  %n = memref.dim %A, %c0 : memref<?x1024xf32>
  %two = arith.constant 2.0 : f32
  sloop.for %i = 0 to %n {
    %t = sloop.alloc : memref<1024xf32>
    sloop.for %j = 0 to 1024 {
      %a = sloop.load %A[%i, %j] : memref<?x1024xf32>
      %d = arith.mulf %a, %two : f32
      sloop.store %d, %t[%j] : memref<1024xf32>
    }
    sloop.for %j = 0 to 1024 name "k" {
      %x = sloop.load %t[%j] : memref<1024xf32>
      %y = sloop.load %t[1023 - %j] : memref<1024xf32>
      %s = arith.addf %x, %y : f32
      sloop.store %s, %B[%i, %j] : memref<?x1024xf32>
    }
  }
  return
}

func.func @par_static(%A: memref<?x1024xf32>, %B: memref<?x1024xf32>)
    attributes {usl.schedule = ["set-memory buffer=t memory=dram_static",
                                "parallelize loop=i"]} {
  %c0 = arith.constant 0 : index
  %n = memref.dim %A, %c0 : memref<?x1024xf32>
  %two = arith.constant 2.0 : f32
  sloop.for %i = 0 to %n {
    %t = sloop.alloc : memref<1024xf32>
    sloop.for %j = 0 to 1024 {
      %a = sloop.load %A[%i, %j] : memref<?x1024xf32>
      %d = arith.mulf %a, %two : f32
      sloop.store %d, %t[%j] : memref<1024xf32>
    }
    sloop.for %j = 0 to 1024 name "k" {
      %x = sloop.load %t[%j] : memref<1024xf32>
      %y = sloop.load %t[1023 - %j] : memref<1024xf32>
      %s = arith.addf %x, %y : f32
      sloop.store %s, %B[%i, %j] : memref<?x1024xf32>
    }
  }
  return
}

// The same with t padded to 128 KiB: past the stack budget, on the heap.
func.func @par_static_heap(%A: memref<?x1024xf32>, %B: memref<?x1024xf32>)
    attributes {usl.schedule = ["set-memory buffer=t memory=dram_static",
                                "parallelize loop=i"]} {
  %c0 = arith.constant 0 : index
  %n = memref.dim %A, %c0 : memref<?x1024xf32>
  %two = arith.constant 2.0 : f32
  sloop.for %i = 0 to %n {
    %t = sloop.alloc : memref<32x1024xf32>
    sloop.for %j = 0 to 1024 {
      %a = sloop.load %A[%i, %j] : memref<?x1024xf32>
      %d = arith.mulf %a, %two : f32
      sloop.store %d, %t[5, %j] : memref<32x1024xf32>
    }
    sloop.for %j = 0 to 1024 name "k" {
      %x = sloop.load %t[5, %j] : memref<32x1024xf32>
      %y = sloop.load %t[5, 1023 - %j] : memref<32x1024xf32>
      %s = arith.addf %x, %y : f32
      sloop.store %s, %B[%i, %j] : memref<?x1024xf32>
    }
  }
  return
}

// B reversed through a 16 MiB buffer.
func.func @big_plain(%A: memref<4194304xf32>, %B: memref<4194304xf32>) {
  sloop.for %i = 0 to 4194304 {
    %a = sloop.load %A[4194303 - %i] : memref<4194304xf32>
    sloop.store %a, %B[%i] : memref<4194304xf32>
  }
  return
}

func.func @big_static(%A: memref<4194304xf32>, %B: memref<4194304xf32>) {
  %t = sloop.alloc : memref<4194304xf32, #tmem.space<dram_static>>
  sloop.for %i = 0 to 4194304 {
    %a = sloop.load %A[%i] : memref<4194304xf32>
    sloop.store %a, %t[%i] : memref<4194304xf32, #tmem.space<dram_static>>
  }
  sloop.for %i = 0 to 4194304 name "j" {
    %a = sloop.load %t[4194303 - %i] : memref<4194304xf32, #tmem.space<dram_static>>
    sloop.store %a, %B[%i] : memref<4194304xf32>
  }
  return
}
