//===- Avx512.td - AVX-512 instructions on zmm register buffers -*- tablegen -*-===//
//
// One op per AVX-512 instruction (the f32 x 16 set of Exo's library, the
// i16 x 32 ops an integer blur needs and the i32 x 16 ops of an integer
// convolution). A register is a buffer in the avx512 memory space of one
// zmm's worth: memref<16xf32>, memref<16xi32> or memref<32xi16>. Memory
// operands are windows (tmem.window) of ordinary buffers whose last
// dimension holds the lanes at unit stride. Masked ops act on the first `n`
// lanes (n clamped to [0, lanes]) and leave the others as the op says.
//
//===----------------------------------------------------------------------===//

#ifndef USL_AVX512_TD
#define USL_AVX512_TD

include "mlir/IR/OpBase.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Avx512_Dialect : Dialect {
  let name = "avx512";
  let cppNamespace = "::usl::avx512";
  let summary = "AVX-512 instructions on zmm registers held in buffers";
  let description = [{
    Thirty-two zmm registers of 64 bytes. A register is a buffer in the
    `#tmem.space<avx512>` memory space of shape `memref<16xf32>`,
    `memref<16xi32>` or `memref<32xi16>`; `--lower-avx512` checks that at most 32 are live at
    once, and `convert-avx512` turns each op into upstream vector ops, which
    LLVM compiles to the instruction when the target has AVX-512 (and to
    equivalent code on other targets).

    Memory operands are windows of ordinary buffers: all dimensions of size
    1 except the last, which holds the lanes at unit stride (one element for
    the broadcasts). A mask `n` selects the first `n` lanes.
  }];
}

class Avx512_Op<string mnemonic, list<Trait> traits = []>
    : Op<Avx512_Dialect, mnemonic, traits>;

def Avx512_Register : MemRefRankOf<[F32, I32, I16], [1]>;

def Avx512_SetzeroOp : Avx512_Op<"setzero"> {
  let summary = "dst := 0 in every lane";
  let arguments = (ins Arg<Avx512_Register, "", [MemWrite]>:$dst);
  let assemblyFormat = "$dst attr-dict `:` type($dst)";
  let hasVerifier = 1;
}

class Avx512_MoveOp<string mnemonic, string what, bit masked, bit toMemory>
    : Avx512_Op<mnemonic> {
  let summary = what;
  let arguments = !con(
      !if(toMemory,
          (ins Arg<Avx512_Register, "", [MemRead]>:$reg,
               Arg<AnyMemRef, "", [MemWrite]>:$window),
          (ins Arg<Avx512_Register, "", [MemWrite]>:$reg,
               Arg<AnyMemRef, "", [MemRead]>:$window)),
      !if(masked, (ins Index:$lanes), (ins)));
  let assemblyFormat = !if(masked,
      "$reg `,` $window `,` `lanes` $lanes attr-dict `:` type($reg) `,` type($window)",
      "$reg `,` $window attr-dict `:` type($reg) `,` type($window)");
  let hasVerifier = 1;
}

def Avx512_LoaduOp : Avx512_MoveOp<"loadu",
    "reg[i] := window[i] (vmovups / vmovdqu16)", 0, 0>;
def Avx512_MaskzLoaduOp : Avx512_MoveOp<"maskz_loadu",
    "reg[i] := i < lanes ? window[i] : 0; lanes >= n are not read", 1, 0>;
def Avx512_MaskLoaduOp : Avx512_MoveOp<"mask_loadu",
    "reg[i] := window[i] for i < lanes; the others keep their value and "
    "are not read", 1, 0>;
def Avx512_StoreuOp : Avx512_MoveOp<"storeu",
    "window[i] := reg[i] (vmovups / vmovdqu16)", 0, 1>;
def Avx512_MaskStoreuOp : Avx512_MoveOp<"mask_storeu",
    "window[i] := reg[i] for i < lanes; the others are not written", 1, 1>;
def Avx512_Set1Op : Avx512_MoveOp<"set1",
    "reg[i] := window[0], a broadcast from memory (vbroadcastss)", 0, 0>;
def Avx512_MaskSet1Op : Avx512_MoveOp<"mask_set1",
    "reg[i] := window[0] for i < lanes; the others keep their value", 1, 0>;

class Avx512_ArithOp<string mnemonic, string what, bit masked>
    : Avx512_Op<mnemonic> {
  let summary = what;
  let arguments = !con(
      (ins Arg<Avx512_Register, "", [MemWrite]>:$dst,
           Arg<Avx512_Register, "", [MemRead]>:$lhs,
           Arg<Avx512_Register, "", [MemRead]>:$rhs),
      !if(masked, (ins Index:$lanes), (ins)));
  let assemblyFormat = !if(masked,
      "$dst `,` $lhs `,` $rhs `,` `lanes` $lanes attr-dict `:` type($dst) `,` type($lhs) `,` type($rhs)",
      "$dst `,` $lhs `,` $rhs attr-dict `:` type($dst) `,` type($lhs) `,` type($rhs)");
  let hasVerifier = 1;
}

def Avx512_AddOp : Avx512_ArithOp<"add", "dst := lhs + rhs (f32, i32 or i16; integers wrap)", 0>;
def Avx512_MaskAddOp : Avx512_ArithOp<"mask_add",
    "dst := lhs + rhs in the first lanes; the others keep their value", 1>;
def Avx512_MulOp : Avx512_ArithOp<"mul", "dst := lhs * rhs (f32; i32: the low 32 bits, vpmulld)", 0>;
def Avx512_MaxOp : Avx512_ArithOp<"max", "dst := max(lhs, rhs) (f32)", 0>;
def Avx512_MulhiOp : Avx512_ArithOp<"mulhi",
    "dst := (lhs * rhs) >> 16, unsigned 16-bit lanes (vpmulhuw)", 0>;

class Avx512_FmaOp<string mnemonic, string what, bit masked>
    : Avx512_Op<mnemonic> {
  let summary = what;
  let arguments = !con(
      (ins Arg<Avx512_Register, "", [MemRead, MemWrite]>:$acc,
           Arg<Avx512_Register, "", [MemRead]>:$lhs,
           Arg<Avx512_Register, "", [MemRead]>:$rhs),
      !if(masked, (ins Index:$lanes), (ins)));
  let assemblyFormat = !if(masked,
      "`acc` $acc `,` $lhs `,` $rhs `,` `lanes` $lanes attr-dict `:` type($acc) `,` type($lhs) `,` type($rhs)",
      "`acc` $acc `,` $lhs `,` $rhs attr-dict `:` type($acc) `,` type($lhs) `,` type($rhs)");
  let hasVerifier = 1;
}

def Avx512_FmaddOp : Avx512_FmaOp<"fmadd",
    "acc := acc + lhs * rhs: f32 fused (vfmadd231ps); i32 wrapping, as "
    "vpmulld then vpaddd (no fused form exists)", 0>;
def Avx512_MaskFmaddOp : Avx512_FmaOp<"mask_fmadd",
    "acc := acc + lhs * rhs in the first lanes; the others keep their value", 1>;

def Avx512_ReluOp : Avx512_Op<"relu"> {
  let summary = "dst := max(src, 0) (f32)";
  let arguments = (ins Arg<Avx512_Register, "", [MemWrite]>:$dst,
                       Arg<Avx512_Register, "", [MemRead]>:$src);
  let assemblyFormat = "$dst `,` $src attr-dict `:` type($dst) `,` type($src)";
  let hasVerifier = 1;
}

#endif // USL_AVX512_TD
