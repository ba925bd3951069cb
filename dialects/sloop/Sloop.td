//===- Sloop.td - the scheduled-loop dialect ---------------*- tablegen -*-===//
//
// Scheduled loops are the level at which a USL schedule is written: plain
// loop nests whose loops carry a user-visible name (how directives point at
// them, e.g. "ioi") and a kind (seq, par, vec, unroll), and whose memory
// accesses are affine functions of the enclosing loop variables and symbols.
// Keeping accesses affine is what lets USL prove that a directive keeps the
// result unchanged.
//
//===----------------------------------------------------------------------===//

#ifndef USL_SLOOP_TD
#define USL_SLOOP_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"

def Sloop_Dialect : Dialect {
  let name = "sloop";
  let cppNamespace = "::usl::sloop";
  let summary = "Scheduled loops: named loops, affine accesses, buffers";
  let description = [{
    The algorithm-and-schedule level of USL. A `sloop.for` loop has a name
    (taken from its induction variable, `%ioi` is the loop "ioi") and a kind;
    `sloop.load`, `sloop.store` and `sloop.reduce` access buffers at affine
    indices; `sloop.alloc` creates a named buffer in a memory space of the
    `tmem` dialect; `sloop.if` guards tails and boundaries. Scalar arithmetic
    is written with the upstream `arith` and `math` dialects.
  }];
}

class Sloop_Op<string mnemonic, list<Trait> traits = []>
    : Op<Sloop_Dialect, mnemonic, traits>;

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def Sloop_LoopKind : I32EnumAttr<"LoopKind", "how a loop is executed", [
    I32EnumAttrCase<"seq", 0>,
    I32EnumAttrCase<"par", 1>,
    I32EnumAttrCase<"vec", 2>,
    I32EnumAttrCase<"unroll", 3>]> {
  let cppNamespace = "::usl::sloop";
}

def Sloop_ReduceKind : I32EnumAttr<"ReduceKind", "reduction operator", [
    I32EnumAttrCase<"add", 0>,
    I32EnumAttrCase<"mul", 1>,
    I32EnumAttrCase<"max", 2>,
    I32EnumAttrCase<"min", 3>]> {
  let cppNamespace = "::usl::sloop";
}

def Sloop_ScalarType : AnyTypeOf<[AnySignlessInteger, AnyFloat, Index]>;

//===----------------------------------------------------------------------===//
// sloop.for
//===----------------------------------------------------------------------===//

def Sloop_ForOp : Sloop_Op<"for", [
    AttrSizedOperandSegments,
    RecursiveMemoryEffects,
    SingleBlockImplicitTerminator<"YieldOp">,
    DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmBlockArgumentNames"]>]> {
  let summary = "a named loop over an affine range";
  let description = [{
    Runs its body for `%iv = lb, lb + step, ...` while `%iv < ub`. The bounds
    are affine expressions of index values (loop variables of enclosing loops,
    function arguments, constants); the step is a positive constant.

    The loop's name is how schedules refer to it. It is written as the name of
    the induction variable, so `sloop.for %ioi = 0 to 4` is the loop "ioi"; when
    the printed variable name cannot carry it (two loops named alike in one
    function), the name is printed explicitly as `name "ioi"`.

    The kind says how the iterations run: `seq` (in order, the default),
    `par` (in any order or at once, on several cores), `vec` (as SIMD lanes),
    `unroll` (the body is replicated at lowering; constant trip count).

    ```mlir
    sloop.for %i = 0 to %N {
      sloop.for %jo = 0 to %M floordiv 4 par {
        sloop.for %ji = 0 to 4 step 1 vec { ... }
      }
    }
    ```
  }];
  let arguments = (ins Variadic<Index>:$lbOperands,
                       Variadic<Index>:$ubOperands,
                       AffineMapAttr:$lbMap,
                       AffineMapAttr:$ubMap,
                       ConfinedAttr<I64Attr, [IntPositive]>:$step,
                       StrAttr:$name,
                       Sloop_LoopKind:$kind);
  let regions = (region SizedRegion<1>:$region);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let skipDefaultBuilders = 1;
  let builders = [
    OpBuilder<(ins "int64_t":$lb, "int64_t":$ub, "int64_t":$step,
                   "::llvm::StringRef":$name)>
  ];
  let extraClassDeclaration = [{
    ::mlir::Value getInductionVar() { return getBody()->getArgument(0); }
    ::mlir::Block *getBody() { return &getRegion().front(); }
  }];
}

//===----------------------------------------------------------------------===//
// sloop.if
//===----------------------------------------------------------------------===//

def Sloop_IfOp : Sloop_Op<"if", [
    RecursiveMemoryEffects,
    SingleBlockImplicitTerminator<"YieldOp">,
    NoRegionArguments]> {
  let summary = "a guard on affine conditions, optionally yielding values";
  let description = [{
    Runs the `then` region when every condition holds, the `else` region (if
    any) otherwise. Conditions are affine comparisons of index values joined
    by `and`; each is `a < b`, `a <= b`, `a > b`, `a >= b` or `a == b`. Used
    for loop tails (`guard`) and boundary conditions. With results, both
    regions must `sloop.yield` values of the result types.

    ```mlir
    %v = sloop.if %j + %r < %N -> i32 {
      %x = sloop.load %data[%c, %j + %r] : memref<4x16xi32>
      sloop.yield %x : i32
    } else {
      sloop.yield %zero : i32
    }
    ```
  }];
  let arguments = (ins Variadic<Index>:$condOperands,
                       IntegerSetAttr:$condition);
  let results = (outs Variadic<Sloop_ScalarType>:$results);
  let regions = (region SizedRegion<1>:$thenRegion,
                        MaxSizedRegion<1>:$elseRegion);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// sloop.yield
//===----------------------------------------------------------------------===//

def Sloop_YieldOp : Sloop_Op<"yield", [
    Pure, Terminator, ReturnLike,
    ParentOneOf<["ForOp", "IfOp"]>]> {
  let summary = "terminates a loop body or a guarded region";
  let description = [{
    Ends the body of a `sloop.for` (no operands; may be omitted in the custom
    syntax) or a region of `sloop.if` (the values the `if` produces).
  }];
  let arguments = (ins Variadic<Sloop_ScalarType>:$values);
  let builders = [OpBuilder<(ins), [{ /* nothing */ }]>];
  let assemblyFormat = "attr-dict ($values^ `:` type($values))?";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Buffer accesses
//===----------------------------------------------------------------------===//

def Sloop_LoadOp : Sloop_Op<"load", [
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "reads one element of a buffer at affine indices";
  let description = [{
    ```mlir
    %a = sloop.load %A[%i + 1, %k] : memref<?x?xf32>
    ```
  }];
  let arguments = (ins AnyMemRef:$memref, Variadic<Index>:$indices,
                       AffineMapAttr:$map);
  let results = (outs Sloop_ScalarType:$result);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

def Sloop_StoreOp : Sloop_Op<"store", [
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "writes one element of a buffer at affine indices";
  let description = [{
    ```mlir
    sloop.store %v, %C[%i, %j] : memref<?x?xf32>
    ```
  }];
  let arguments = (ins Sloop_ScalarType:$value, AnyMemRef:$memref,
                       Variadic<Index>:$indices, AffineMapAttr:$map);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

def Sloop_ReduceOp : Sloop_Op<"reduce", [
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "accumulates a value into one element of a buffer";
  let description = [{
    `sloop.reduce add %v, %C[%i, %j]` is `C[i, j] = C[i, j] + v` (Exo's `+=`).
    The operator is `add`, `mul`, `max` or `min` (signed for integers). Unlike
    a load followed by a store, a reduction tells the dependence analysis that
    the updates of one element may be applied in any order.

    ```mlir
    sloop.reduce add %p, %C[%i, %j] : memref<?x?xf32>
    ```
  }];
  let arguments = (ins Sloop_ReduceKind:$kind, Sloop_ScalarType:$value,
                       AnyMemRef:$memref, Variadic<Index>:$indices,
                       AffineMapAttr:$map);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// sloop.alloc
//===----------------------------------------------------------------------===//

def Sloop_AllocOp : Sloop_Op<"alloc", [
    DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmResultNames"]>,
    MemoryEffects<[MemAlloc<DefaultResource>]>]> {
  let summary = "a named buffer in a memory space, live until its block ends";
  let description = [{
    Creates a buffer whose lifetime is the rest of the enclosing block (as a
    local array in C or an `alloc` in Exo). The memory space comes from the
    memref type (`#tmem.space<...>`; none means `dram`). Dynamic extents are
    given as operands. The buffer's name, by which schedules refer to it, is
    the name of its result (`%out_tile = sloop.alloc ...` is "out_tile"),
    or an explicit `name "..."` when the printed name cannot carry it.

    ```mlir
    %out_tile = sloop.alloc : memref<4x4x4xi32, #tmem.space<rvm_tile>>
    %tmp = sloop.alloc(%n) : memref<?xf32>
    ```
  }];
  let arguments = (ins Variadic<Index>:$dynamicSizes, StrAttr:$name);
  let results = (outs AnyMemRef:$memref);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

#endif // USL_SLOOP_TD
