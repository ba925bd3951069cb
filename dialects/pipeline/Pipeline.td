//===- Pipeline.td - the pipeline dialect: Halide-style algorithms -*- tablegen -*-===//
//
// The top level of USL: what is computed, as pure functions over integer
// grids, apart from where and when (the schedule). A pipeline lives in an
// ordinary func.func whose arguments are the buffers: `pipeline.input` wraps
// an input buffer with a boundary condition, `pipeline.func` defines a
// function point by point (optionally as a reduction), `pipeline.call`
// reads another function at affine coordinates, and `pipeline.output`
// realizes a function over an output buffer.
//
//===----------------------------------------------------------------------===//

#ifndef USL_PIPELINE_TD
#define USL_PIPELINE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"

def Pipeline_Dialect : Dialect {
  let name = "pipeline";
  let cppNamespace = "::usl::pipeline";
  let summary = "Halide-style pipelines of pure functions over integer grids";
  let description = [{
    Functions are values of type `!pipeline.func<N x T>`: a T at every point
    of an N-dimensional integer grid. They are defined by `pipeline.input`
    (a buffer extended by a boundary condition) and `pipeline.func` (an
    expression of the coordinates, reading other functions with
    `pipeline.call`, optionally summed or otherwise reduced over a reduction
    domain), and realized by `pipeline.output`. SSA dominance makes every
    pipeline acyclic.
  }];
  let useDefaultTypePrinterParser = 1;
}

class Pipeline_Op<string mnemonic, list<Trait> traits = []>
    : Op<Pipeline_Dialect, mnemonic, traits>;

def Pipeline_Scalar : AnyTypeOf<[AnySignlessInteger, AnyFloat, Index]>;

//===----------------------------------------------------------------------===//
// Types and enums
//===----------------------------------------------------------------------===//

def Pipeline_FuncType : TypeDef<Pipeline_Dialect, "Func"> {
  let mnemonic = "func";
  let summary = "a function from an N-dimensional integer grid to scalars";
  let description = [{
    `!pipeline.func<2 x f32>`: an f32 at every integer point (x, y).
  }];
  let parameters = (ins "unsigned":$rank, "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $rank `x` $elementType `>`";
  let genVerifyDecl = 1;
}

def Pipeline_Boundary : I32EnumAttr<"Boundary",
    "how an input is defined outside its buffer", [
    I32EnumAttrCase<"none", 0>,
    I32EnumAttrCase<"clamp", 1>,
    I32EnumAttrCase<"constant", 2>,
    I32EnumAttrCase<"mirror", 3>]> {
  let cppNamespace = "::usl::pipeline";
}

def Pipeline_ReduceKind : I32EnumAttr<"ReduceKind", "reduction operator", [
    I32EnumAttrCase<"add", 0>,
    I32EnumAttrCase<"mul", 1>,
    I32EnumAttrCase<"max", 2>,
    I32EnumAttrCase<"min", 3>]> {
  let cppNamespace = "::usl::pipeline";
}

//===----------------------------------------------------------------------===//
// Ops
//===----------------------------------------------------------------------===//

def Pipeline_InputOp : Pipeline_Op<"input", [Pure,
    DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmResultNames"]>]> {
  let summary = "a buffer as a function, with a boundary condition";
  let description = [{
    The function whose value at a point of the buffer is the buffer's
    element there. Outside the buffer it is undefined (`none`: reading there
    is an error the bounds analysis reports), the nearest edge element
    (`clamp`), a constant (`constant(%v)`), or the element mirrored across
    the edge (`mirror`, edge not repeated).

    ```mlir
    %in = pipeline.input %buf clamp : memref<?x?xi16> -> !pipeline.func<2 x i16>
    %d = pipeline.input %data constant(%zero) : memref<4x16xi32> -> !pipeline.func<2 x i32>
    ```
  }];
  let arguments = (ins AnyMemRef:$buffer, Pipeline_Boundary:$boundary,
                       Optional<Pipeline_Scalar>:$value, StrAttr:$name);
  let results = (outs Pipeline_FuncType:$result);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

def Pipeline_FuncOp : Pipeline_Op<"func", [
    AttrSizedOperandSegments,
    SingleBlockImplicitTerminator<"YieldOp">,
    RecursiveMemoryEffects,
    DeclareOpInterfaceMethods<OpAsmOpInterface,
        ["getAsmResultNames", "getAsmBlockArgumentNames"]>]> {
  let summary = "a function defined point by point, or as a reduction";
  let description = [{
    The body receives the coordinates of a point (and, for a reduction, the
    reduction variables) and yields one value. A pure definition yields the
    function's value at the point. With `reduce`, the value is `init`
    combined with the yielded term for every point of the reduction domain
    (each variable from its lower to its upper bound, exclusive), the
    reduction variables running in any order. The body is pure: none of
    its ops may read or write memory (the verifier checks), since lowering
    evaluates it at whatever points and times the schedule picks; buffers
    are read through `pipeline.input` and `pipeline.call`.

    The function's name is its result's SSA name (`%blurx = pipeline.func
    ...` is "blurx"), and its coordinates and reduction variables are named
    by their SSA names (kept in `coords`); loops computing the function are
    named `<function>.<coordinate>` ("blurx.x").

    ```mlir
    %blurx = pipeline.func (%x, %y) : !pipeline.func<2 x i16> {
      %a = pipeline.call %in(%x - 1, %y) : !pipeline.func<2 x i16>
      ...
      pipeline.yield %s : i16
    }
    %C = pipeline.func (%i, %j) reduce add (%k = 0 to %K) init %zero
        : !pipeline.func<2 x f32> {
      %a = pipeline.call %A(%i, %k) : !pipeline.func<2 x f32>
      %b = pipeline.call %B(%k, %j) : !pipeline.func<2 x f32>
      %p = arith.mulf %a, %b : f32
      pipeline.yield %p : f32
    }
    ```
  }];
  let arguments = (ins Variadic<Index>:$reductionLowerBounds,
                       Variadic<Index>:$reductionUpperBounds,
                       Optional<Pipeline_Scalar>:$init,
                       OptionalAttr<Pipeline_ReduceKind>:$reduction,
                       StrAttr:$name, StrArrayAttr:$coords);
  let results = (outs Pipeline_FuncType:$result);
  let regions = (region SizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    unsigned getRank() {
      return ::llvm::cast<FuncType>(getResult().getType()).getRank();
    }
    unsigned getNumReductionVars() { return getReductionLowerBounds().size(); }
  }];
}

def Pipeline_CallOp : Pipeline_Op<"call", [Pure]> {
  let summary = "the value of a function at affine coordinates";
  let description = [{
    Only inside the body of a `pipeline.func`, whose points give it a
    meaning.

    ```mlir
    %v = pipeline.call %blurx(%x, %y - 1) : !pipeline.func<2 x i16>
    %d = pipeline.call %down(%x floordiv 2, %y floordiv 2) : !pipeline.func<2 x f32>
    ```
  }];
  let arguments = (ins Pipeline_FuncType:$callee, Variadic<Index>:$indices,
                       AffineMapAttr:$map);
  let results = (outs Pipeline_Scalar:$result);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

def Pipeline_YieldOp : Pipeline_Op<"yield", [Pure, Terminator, ReturnLike,
    HasParent<"FuncOp">]> {
  let summary = "the value of a function at the point (or the reduced term)";
  let arguments = (ins Variadic<Pipeline_Scalar>:$values);
  let builders = [OpBuilder<(ins), [{ /* nothing */ }]>];
  let assemblyFormat = "attr-dict ($values^ `:` type($values))?";
  let hasVerifier = 1;
}

def Pipeline_OutputOp : Pipeline_Op<"output", [
    MemoryEffects<[MemWrite<DefaultResource>]>]> {
  let summary = "realizes a function over an output buffer";
  let description = [{
    Computes the function at every point of the buffer and stores it there.

    ```mlir
    pipeline.output %blury, %out : !pipeline.func<2 x i16>, memref<?x?xi16>
    ```
  }];
  let arguments = (ins Pipeline_FuncType:$func, AnyMemRef:$buffer);
  let assemblyFormat = [{
    $func `,` $buffer attr-dict `:` qualified(type($func)) `,` type($buffer)
  }];
  let hasVerifier = 1;
}

#endif // USL_PIPELINE_TD
