"""Decodes the RVM words in llvm-objdump output, independently of USL's own
encoder (runtime/rvm_isa.h), from the X-HEEP matrix spec's MATCH/MASK table
and field positions. Prints one line per RVM word, e.g.
`mmasa.w md=m0 ms1=m1 ms2=m2` or `mld.w m1 rs1=x11 rs2=x12`."""
import re
import sys

TABLE = [
    ("mzero", 0xF800002B, 0xFFFC7FFF),
    ("mld.w", 0x0400082B, 0xFE007C7F),
    ("mst.w", 0x0C00082B, 0xFE007C7F),
    ("mmasa.w", 0xF000082B, 0xFF007FFF),
    ("fmmacc.s", 0x0800082B, 0xFF007FFF),
    ("mmada.h", 0xE000042B, 0xFF007FFF),
    ("mmaqa.b", 0x1000002B, 0xFF007FFF),
]

for line in sys.stdin:
    m = re.match(r"\s*[0-9a-f]+:\s+([0-9a-f]{8})\s", line)
    if not m:
        continue
    word = int(m.group(1), 16)
    for name, match, mask in TABLE:
        if word & mask != match:
            continue
        if name == "mzero":
            print(f"mzero m{word >> 15 & 7}")
        elif name in ("mld.w", "mst.w"):
            print(f"{name} m{word >> 7 & 7} rs1=x{word >> 15 & 31} "
                  f"rs2=x{word >> 20 & 31}")
        else:
            print(f"{name} md=m{word >> 15 & 7} ms1=m{word >> 18 & 7} "
                  f"ms2=m{word >> 21 & 7}")
