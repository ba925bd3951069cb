// Tests USL passes under the multithreaded pass manager: 16 nested modules
// of two functions are scheduled in parallel (directives run on each nested
// module, lowering on each function), and the result equals a run on one
// thread.

// DEFINE: %{pipeline} = --pass-pipeline="builtin.module(builtin.module(vectorize{func=stencil loop=i width=8},tile{func=blocks loops=y,x sizes=4,16},stage-mem{func=blocks loop=xo buffer=arg0},parallelize{func=blocks loop=yo},simplify,func.func(convert-sloop-to-scf,usl-dissolve-alloca-scopes)))"
// RUN: usl-opt %S/Inputs/nested-modules.mlir %{pipeline} -o %t.threads.mlir
// RUN: usl-opt %S/Inputs/nested-modules.mlir %{pipeline} --mlir-disable-threading -o %t.one.mlir
// RUN: diff %t.threads.mlir %t.one.mlir
// RUN: FileCheck %s --check-prefix=VEC < %t.threads.mlir
// RUN: FileCheck %s --check-prefix=PAR < %t.threads.mlir

// VEC-COUNT-16: vector.load
// PAR-COUNT-16: scf.parallel
