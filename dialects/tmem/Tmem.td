//===- Tmem.td - the tile-memory dialect -------------------*- tablegen -*-===//
//
// Where data lives. A memory space is an attribute on a memref type; a window
// is a strided view of a rectangular part of a buffer, the unit in which data
// is staged into tile registers and passed to hardware instructions.
//
//===----------------------------------------------------------------------===//

#ifndef USL_TMEM_TD
#define USL_TMEM_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ViewLikeInterface.td"

def Tmem_Dialect : Dialect {
  let name = "tmem";
  let cppNamespace = "::usl::tmem";
  let summary = "Tile memory: memory spaces and windows of buffers";
  let description = [{
    Memory spaces say where a buffer lives and which code may touch it:
    `dram` (ordinary memory, the default), `dram_static` (statically allocated
    ordinary memory), `rvm_tile` (the eight 4x4 tile registers of the RISC-V
    matrix extension) and `avx512` (the 32 zmm registers). Buffers in register
    spaces may only be accessed by the instructions of their target.
  }];
  let useDefaultAttributePrinterParser = 1;
}

def Tmem_MemorySpace : I32EnumAttr<"MemorySpace", "where a buffer lives", [
    I32EnumAttrCase<"dram", 0>,
    I32EnumAttrCase<"dram_static", 1>,
    I32EnumAttrCase<"rvm_tile", 2>,
    I32EnumAttrCase<"avx512", 3>]> {
  let cppNamespace = "::usl::tmem";
  let genSpecializedAttr = 0;
}

def Tmem_SpaceAttr : EnumAttr<Tmem_Dialect, Tmem_MemorySpace, "space"> {
  let summary = "the memory space of a buffer";
  let description = [{
    Used as the memory space of a memref type:
    `memref<4x4xi32, #tmem.space<rvm_tile>>`.
  }];
  let assemblyFormat = ?;
  let hasCustomAssemblyFormat = 1;
}

def Tmem_WindowOp : Op<Tmem_Dialect, "window", [
    Pure,
    DeclareOpInterfaceMethods<ViewLikeOpInterface>]> {
  let summary = "a rectangular strided view of part of a buffer";
  let description = [{
    A window of `sizes` elements whose first element is at the affine
    `offsets` of the source buffer, with the source's strides and memory
    space. The result type is derived from the source and the sizes, so only
    the source type is written.

    ```mlir
    %w = tmem.window %kernels[%io * 4, %c, 0] [4, 1, 4] : memref<16x4x4xi32>
    // %w : memref<4x1x4xi32, strided<[16, 4, 1], offset: ?>>
    ```
  }];
  let arguments = (ins AnyMemRef:$source, Variadic<Index>:$offsetOperands,
                       AffineMapAttr:$offsets, DenseI64ArrayAttr:$sizes);
  let results = (outs AnyMemRef:$result);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The type of a window of `sizes` into a buffer of type `source`.
    static ::mlir::MemRefType inferWindowType(::mlir::MemRefType source,
                                              ::llvm::ArrayRef<int64_t> sizes);
  }];
}

#endif // USL_TMEM_TD
