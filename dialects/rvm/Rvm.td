//===- Rvm.td - the RISC-V matrix extension (RVM) dialect --*- tablegen -*-===//
//
// One op per RVM instruction. Tiles are buffers in the rvm_tile memory space
// of one tile register each (4 rows of 16 bytes: 4x4 i32/f32, 4x8 i16,
// 4x16 i8); memory operands are windows (tmem.window) of ordinary buffers.
// Multiply-accumulate operands are named by role: acc += lhs * rhs^T. Which
// encoding field each role is lives in one place, runtime/rvm_isa.h.
//
//===----------------------------------------------------------------------===//

#ifndef USL_RVM_TD
#define USL_RVM_TD

include "mlir/IR/OpBase.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Rvm_Dialect : Dialect {
  let name = "rvm";
  let cppNamespace = "::usl::rvm";
  let summary = "The RISC-V matrix extension (X-HEEP RVM): one op per "
                "instruction";
  let description = [{
    Eight tile registers of 4 rows x 16 bytes. A tile is a buffer in the
    `#tmem.space<rvm_tile>` memory space whose shape is one register:
    `memref<4x4xi32>` (or f32), `memref<4x8xi16>` or `memref<4x16xi8>`
    (packed views). Tile-register allocation gives each tile buffer a
    register (the `rvm.register` attribute of its `sloop.alloc`).

    Loads and stores move a tile between a register and a window of an
    ordinary buffer: the window's dimensions other than its last are
    rows (one of them of size 4, the others of size 1), its last dimension
    the 16 bytes of a row, at unit stride; the row stride in bytes is the
    window's. The multiply-accumulate ops compute `acc += lhs * rhs^T`
    over the K elements of a row (4 x i32 / f32, 8 x i16, 16 x i8).
  }];
}

class Rvm_Op<string mnemonic, list<Trait> traits = []>
    : Op<Rvm_Dialect, mnemonic, traits>;

def Rvm_Tile : MemRefRankOf<[I8, I16, I32, F32], [2]>;

def Rvm_MzeroOp : Rvm_Op<"mzero"> {
  let summary = "mzero: a tile of zeros";
  let description = [{
    ```mlir
    rvm.mzero %acc : memref<4x4xi32, #tmem.space<rvm_tile>>
    ```
  }];
  let arguments = (ins Arg<Rvm_Tile, "", [MemWrite]>:$tile);
  let assemblyFormat = "$tile attr-dict `:` type($tile)";
  let hasVerifier = 1;
}

def Rvm_MldOp : Rvm_Op<"mld.w"> {
  let summary = "mld.w: load a tile from 4 rows of memory";
  let description = [{
    `tile[i][j] := window[i][j]` for the 4 rows of the window and the 16
    bytes of each row.

    ```mlir
    %w = tmem.window %kernels[%i * 4, %c, 0] [4, 1, 4] : memref<16x4x4xi32>
    rvm.mld.w %k, %w : memref<4x4xi32, #tmem.space<rvm_tile>>,
                       memref<4x1x4xi32, strided<[16, 4, 1], offset: ?>>
    ```
  }];
  let arguments = (ins Arg<Rvm_Tile, "", [MemWrite]>:$tile,
                       Arg<AnyMemRef, "", [MemRead]>:$window);
  let assemblyFormat =
      "$tile `,` $window attr-dict `:` type($tile) `,` type($window)";
  let hasVerifier = 1;
}

def Rvm_MstOp : Rvm_Op<"mst.w"> {
  let summary = "mst.w: store a tile to 4 rows of memory";
  let description = [{
    `window[i][j] := tile[i][j]`; the window as for `rvm.mld.w`.
  }];
  let arguments = (ins Arg<Rvm_Tile, "", [MemRead]>:$tile,
                       Arg<AnyMemRef, "", [MemWrite]>:$window);
  let assemblyFormat =
      "$tile `,` $window attr-dict `:` type($tile) `,` type($window)";
  let hasVerifier = 1;
}

class Rvm_MacOp<string mnemonic, string what> : Rvm_Op<mnemonic> {
  let summary = mnemonic # ": " # what # ", acc += lhs * rhs^T";
  let description = [{
    `acc[i][j] += sum_k lhs[i][k] * rhs[j][k]`: the rows of `rhs` are the
    columns of the product. Operands are named by role; the instruction's
    encoding fields are derived from the roles in one place.

    ```mlir
    rvm.mmasa.w acc %out, lhs %kernel, rhs %data
        : memref<4x4xi32, #tmem.space<rvm_tile>>, memref<4x4xi32, ...>,
          memref<4x4xi32, ...>
    ```
  }];
  let arguments = (ins Arg<Rvm_Tile, "", [MemRead, MemWrite]>:$acc,
                       Arg<Rvm_Tile, "", [MemRead]>:$lhs,
                       Arg<Rvm_Tile, "", [MemRead]>:$rhs);
  let assemblyFormat = [{
    `acc` $acc `,` `lhs` $lhs `,` `rhs` $rhs attr-dict `:`
    type($acc) `,` type($lhs) `,` type($rhs)
  }];
  let hasVerifier = 1;
}

def Rvm_MmasaOp : Rvm_MacOp<"mmasa.w", "int32 multiply-accumulate">;
def Rvm_FmmaccOp : Rvm_MacOp<"fmmacc.s", "fp32 multiply-accumulate">;
def Rvm_MmadaOp : Rvm_MacOp<"mmada.h",
                            "int16 x int16 -> int32 multiply-accumulate">;
def Rvm_MmaqaOp : Rvm_MacOp<"mmaqa.b",
                            "int8 x int8 -> int32 multiply-accumulate">;

#endif // USL_RVM_TD
