// RUN: usl-opt %s --lower-rvm="library=%S/Inputs/rvm-extra-instructions.mlir" | FileCheck %s
// RUN: not usl-opt %s --lower-rvm 2>&1 | FileCheck %s --check-prefix=NOLIB
// RUN: not usl-opt %s --lower-rvm="library=%S/Inputs/rvm-bad-instruction.mlir" 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not usl-opt %s --lower-rvm="library=no-such-file.mlir" 2>&1 | FileCheck %s --check-prefix=MISSING

// A library path may be long (here over 300 characters, wherever the tree is).
// DEFINE: %{long} = a-directory-name-of-a-hundred-characters-to-make-the-path-long-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
// RUN: rm -rf %t.d && mkdir -p %t.d/%{long}/%{long}/%{long} && cp %S/Inputs/rvm-extra-instructions.mlir %t.d/%{long}/%{long}/%{long}/lib.mlir
// RUN: usl-opt %s --lower-rvm="library=%t.d/%{long}/%{long}/%{long}/lib.mlir" | FileCheck %s
// but not longer than a file name can be.
// RUN: not usl-opt %s --lower-rvm="library=%t.d/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/%{long}/lib.mlir" 2>&1 | FileCheck %s --check-prefix=TOOLONG
// TOOLONG: error: option 'library' of 'lower-rvm' expects a value of at most 4095 characters


// Tests that an instruction from a library given to the pass is selected
// (zeroing int16 pairs), and not without it.
// CHECK-LABEL: func @extra
// CHECK: rvm.mzero %h : memref<4x8xi16, #tmem.space<rvm_tile>>
// NOLIB: error: buffer 'h' lives in RVM tile registers: only RVM instructions may access it, not sloop.store
// BAD: rvm-bad-instruction.mlir:1:1: error: an instruction library function needs a usl.instruction attribute naming its op
// MISSING: error: 'lower-rvm': cannot read the instruction library 'no-such-file.mlir'
func.func @extra(%H: memref<4x8xi16>) {
  %zero = arith.constant 0 : i16
  %h = sloop.alloc : memref<4x8xi16, #tmem.space<rvm_tile>>
  sloop.for %i = 0 to 4 {
    sloop.for %j = 0 to 8 {
      sloop.store %zero, %h[%i, %j] : memref<4x8xi16, #tmem.space<rvm_tile>>
    }
  }
  rvm.mst.w %h, %H : memref<4x8xi16, #tmem.space<rvm_tile>>, memref<4x8xi16>
  return
}
