// 514 accesses in one function: more than the dependence analysis takes.
func.func @many(%A: memref<4xf32>) {
  sloop.for %i = 0 to 4 {
    %a0 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a0, %A[%i] : memref<4xf32>
    %a1 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a1, %A[%i] : memref<4xf32>
    %a2 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a2, %A[%i] : memref<4xf32>
    %a3 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a3, %A[%i] : memref<4xf32>
    %a4 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a4, %A[%i] : memref<4xf32>
    %a5 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a5, %A[%i] : memref<4xf32>
    %a6 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a6, %A[%i] : memref<4xf32>
    %a7 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a7, %A[%i] : memref<4xf32>
    %a8 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a8, %A[%i] : memref<4xf32>
    %a9 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a9, %A[%i] : memref<4xf32>
    %a10 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a10, %A[%i] : memref<4xf32>
    %a11 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a11, %A[%i] : memref<4xf32>
    %a12 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a12, %A[%i] : memref<4xf32>
    %a13 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a13, %A[%i] : memref<4xf32>
    %a14 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a14, %A[%i] : memref<4xf32>
    %a15 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a15, %A[%i] : memref<4xf32>
    %a16 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a16, %A[%i] : memref<4xf32>
    %a17 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a17, %A[%i] : memref<4xf32>
    %a18 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a18, %A[%i] : memref<4xf32>
    %a19 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a19, %A[%i] : memref<4xf32>
    %a20 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a20, %A[%i] : memref<4xf32>
    %a21 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a21, %A[%i] : memref<4xf32>
    %a22 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a22, %A[%i] : memref<4xf32>
    %a23 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a23, %A[%i] : memref<4xf32>
    %a24 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a24, %A[%i] : memref<4xf32>
    %a25 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a25, %A[%i] : memref<4xf32>
    %a26 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a26, %A[%i] : memref<4xf32>
    %a27 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a27, %A[%i] : memref<4xf32>
    %a28 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a28, %A[%i] : memref<4xf32>
    %a29 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a29, %A[%i] : memref<4xf32>
    %a30 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a30, %A[%i] : memref<4xf32>
    %a31 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a31, %A[%i] : memref<4xf32>
    %a32 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a32, %A[%i] : memref<4xf32>
    %a33 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a33, %A[%i] : memref<4xf32>
    %a34 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a34, %A[%i] : memref<4xf32>
    %a35 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a35, %A[%i] : memref<4xf32>
    %a36 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a36, %A[%i] : memref<4xf32>
    %a37 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a37, %A[%i] : memref<4xf32>
    %a38 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a38, %A[%i] : memref<4xf32>
    %a39 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a39, %A[%i] : memref<4xf32>
    %a40 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a40, %A[%i] : memref<4xf32>
    %a41 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a41, %A[%i] : memref<4xf32>
    %a42 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a42, %A[%i] : memref<4xf32>
    %a43 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a43, %A[%i] : memref<4xf32>
    %a44 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a44, %A[%i] : memref<4xf32>
    %a45 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a45, %A[%i] : memref<4xf32>
    %a46 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a46, %A[%i] : memref<4xf32>
    %a47 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a47, %A[%i] : memref<4xf32>
    %a48 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a48, %A[%i] : memref<4xf32>
    %a49 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a49, %A[%i] : memref<4xf32>
    %a50 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a50, %A[%i] : memref<4xf32>
    %a51 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a51, %A[%i] : memref<4xf32>
    %a52 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a52, %A[%i] : memref<4xf32>
    %a53 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a53, %A[%i] : memref<4xf32>
    %a54 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a54, %A[%i] : memref<4xf32>
    %a55 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a55, %A[%i] : memref<4xf32>
    %a56 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a56, %A[%i] : memref<4xf32>
    %a57 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a57, %A[%i] : memref<4xf32>
    %a58 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a58, %A[%i] : memref<4xf32>
    %a59 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a59, %A[%i] : memref<4xf32>
    %a60 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a60, %A[%i] : memref<4xf32>
    %a61 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a61, %A[%i] : memref<4xf32>
    %a62 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a62, %A[%i] : memref<4xf32>
    %a63 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a63, %A[%i] : memref<4xf32>
    %a64 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a64, %A[%i] : memref<4xf32>
    %a65 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a65, %A[%i] : memref<4xf32>
    %a66 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a66, %A[%i] : memref<4xf32>
    %a67 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a67, %A[%i] : memref<4xf32>
    %a68 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a68, %A[%i] : memref<4xf32>
    %a69 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a69, %A[%i] : memref<4xf32>
    %a70 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a70, %A[%i] : memref<4xf32>
    %a71 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a71, %A[%i] : memref<4xf32>
    %a72 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a72, %A[%i] : memref<4xf32>
    %a73 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a73, %A[%i] : memref<4xf32>
    %a74 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a74, %A[%i] : memref<4xf32>
    %a75 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a75, %A[%i] : memref<4xf32>
    %a76 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a76, %A[%i] : memref<4xf32>
    %a77 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a77, %A[%i] : memref<4xf32>
    %a78 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a78, %A[%i] : memref<4xf32>
    %a79 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a79, %A[%i] : memref<4xf32>
    %a80 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a80, %A[%i] : memref<4xf32>
    %a81 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a81, %A[%i] : memref<4xf32>
    %a82 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a82, %A[%i] : memref<4xf32>
    %a83 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a83, %A[%i] : memref<4xf32>
    %a84 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a84, %A[%i] : memref<4xf32>
    %a85 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a85, %A[%i] : memref<4xf32>
    %a86 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a86, %A[%i] : memref<4xf32>
    %a87 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a87, %A[%i] : memref<4xf32>
    %a88 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a88, %A[%i] : memref<4xf32>
    %a89 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a89, %A[%i] : memref<4xf32>
    %a90 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a90, %A[%i] : memref<4xf32>
    %a91 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a91, %A[%i] : memref<4xf32>
    %a92 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a92, %A[%i] : memref<4xf32>
    %a93 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a93, %A[%i] : memref<4xf32>
    %a94 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a94, %A[%i] : memref<4xf32>
    %a95 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a95, %A[%i] : memref<4xf32>
    %a96 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a96, %A[%i] : memref<4xf32>
    %a97 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a97, %A[%i] : memref<4xf32>
    %a98 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a98, %A[%i] : memref<4xf32>
    %a99 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a99, %A[%i] : memref<4xf32>
    %a100 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a100, %A[%i] : memref<4xf32>
    %a101 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a101, %A[%i] : memref<4xf32>
    %a102 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a102, %A[%i] : memref<4xf32>
    %a103 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a103, %A[%i] : memref<4xf32>
    %a104 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a104, %A[%i] : memref<4xf32>
    %a105 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a105, %A[%i] : memref<4xf32>
    %a106 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a106, %A[%i] : memref<4xf32>
    %a107 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a107, %A[%i] : memref<4xf32>
    %a108 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a108, %A[%i] : memref<4xf32>
    %a109 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a109, %A[%i] : memref<4xf32>
    %a110 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a110, %A[%i] : memref<4xf32>
    %a111 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a111, %A[%i] : memref<4xf32>
    %a112 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a112, %A[%i] : memref<4xf32>
    %a113 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a113, %A[%i] : memref<4xf32>
    %a114 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a114, %A[%i] : memref<4xf32>
    %a115 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a115, %A[%i] : memref<4xf32>
    %a116 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a116, %A[%i] : memref<4xf32>
    %a117 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a117, %A[%i] : memref<4xf32>
    %a118 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a118, %A[%i] : memref<4xf32>
    %a119 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a119, %A[%i] : memref<4xf32>
    %a120 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a120, %A[%i] : memref<4xf32>
    %a121 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a121, %A[%i] : memref<4xf32>
    %a122 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a122, %A[%i] : memref<4xf32>
    %a123 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a123, %A[%i] : memref<4xf32>
    %a124 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a124, %A[%i] : memref<4xf32>
    %a125 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a125, %A[%i] : memref<4xf32>
    %a126 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a126, %A[%i] : memref<4xf32>
    %a127 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a127, %A[%i] : memref<4xf32>
    %a128 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a128, %A[%i] : memref<4xf32>
    %a129 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a129, %A[%i] : memref<4xf32>
    %a130 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a130, %A[%i] : memref<4xf32>
    %a131 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a131, %A[%i] : memref<4xf32>
    %a132 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a132, %A[%i] : memref<4xf32>
    %a133 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a133, %A[%i] : memref<4xf32>
    %a134 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a134, %A[%i] : memref<4xf32>
    %a135 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a135, %A[%i] : memref<4xf32>
    %a136 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a136, %A[%i] : memref<4xf32>
    %a137 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a137, %A[%i] : memref<4xf32>
    %a138 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a138, %A[%i] : memref<4xf32>
    %a139 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a139, %A[%i] : memref<4xf32>
    %a140 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a140, %A[%i] : memref<4xf32>
    %a141 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a141, %A[%i] : memref<4xf32>
    %a142 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a142, %A[%i] : memref<4xf32>
    %a143 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a143, %A[%i] : memref<4xf32>
    %a144 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a144, %A[%i] : memref<4xf32>
    %a145 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a145, %A[%i] : memref<4xf32>
    %a146 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a146, %A[%i] : memref<4xf32>
    %a147 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a147, %A[%i] : memref<4xf32>
    %a148 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a148, %A[%i] : memref<4xf32>
    %a149 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a149, %A[%i] : memref<4xf32>
    %a150 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a150, %A[%i] : memref<4xf32>
    %a151 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a151, %A[%i] : memref<4xf32>
    %a152 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a152, %A[%i] : memref<4xf32>
    %a153 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a153, %A[%i] : memref<4xf32>
    %a154 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a154, %A[%i] : memref<4xf32>
    %a155 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a155, %A[%i] : memref<4xf32>
    %a156 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a156, %A[%i] : memref<4xf32>
    %a157 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a157, %A[%i] : memref<4xf32>
    %a158 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a158, %A[%i] : memref<4xf32>
    %a159 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a159, %A[%i] : memref<4xf32>
    %a160 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a160, %A[%i] : memref<4xf32>
    %a161 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a161, %A[%i] : memref<4xf32>
    %a162 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a162, %A[%i] : memref<4xf32>
    %a163 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a163, %A[%i] : memref<4xf32>
    %a164 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a164, %A[%i] : memref<4xf32>
    %a165 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a165, %A[%i] : memref<4xf32>
    %a166 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a166, %A[%i] : memref<4xf32>
    %a167 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a167, %A[%i] : memref<4xf32>
    %a168 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a168, %A[%i] : memref<4xf32>
    %a169 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a169, %A[%i] : memref<4xf32>
    %a170 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a170, %A[%i] : memref<4xf32>
    %a171 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a171, %A[%i] : memref<4xf32>
    %a172 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a172, %A[%i] : memref<4xf32>
    %a173 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a173, %A[%i] : memref<4xf32>
    %a174 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a174, %A[%i] : memref<4xf32>
    %a175 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a175, %A[%i] : memref<4xf32>
    %a176 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a176, %A[%i] : memref<4xf32>
    %a177 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a177, %A[%i] : memref<4xf32>
    %a178 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a178, %A[%i] : memref<4xf32>
    %a179 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a179, %A[%i] : memref<4xf32>
    %a180 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a180, %A[%i] : memref<4xf32>
    %a181 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a181, %A[%i] : memref<4xf32>
    %a182 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a182, %A[%i] : memref<4xf32>
    %a183 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a183, %A[%i] : memref<4xf32>
    %a184 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a184, %A[%i] : memref<4xf32>
    %a185 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a185, %A[%i] : memref<4xf32>
    %a186 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a186, %A[%i] : memref<4xf32>
    %a187 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a187, %A[%i] : memref<4xf32>
    %a188 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a188, %A[%i] : memref<4xf32>
    %a189 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a189, %A[%i] : memref<4xf32>
    %a190 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a190, %A[%i] : memref<4xf32>
    %a191 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a191, %A[%i] : memref<4xf32>
    %a192 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a192, %A[%i] : memref<4xf32>
    %a193 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a193, %A[%i] : memref<4xf32>
    %a194 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a194, %A[%i] : memref<4xf32>
    %a195 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a195, %A[%i] : memref<4xf32>
    %a196 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a196, %A[%i] : memref<4xf32>
    %a197 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a197, %A[%i] : memref<4xf32>
    %a198 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a198, %A[%i] : memref<4xf32>
    %a199 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a199, %A[%i] : memref<4xf32>
    %a200 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a200, %A[%i] : memref<4xf32>
    %a201 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a201, %A[%i] : memref<4xf32>
    %a202 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a202, %A[%i] : memref<4xf32>
    %a203 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a203, %A[%i] : memref<4xf32>
    %a204 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a204, %A[%i] : memref<4xf32>
    %a205 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a205, %A[%i] : memref<4xf32>
    %a206 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a206, %A[%i] : memref<4xf32>
    %a207 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a207, %A[%i] : memref<4xf32>
    %a208 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a208, %A[%i] : memref<4xf32>
    %a209 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a209, %A[%i] : memref<4xf32>
    %a210 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a210, %A[%i] : memref<4xf32>
    %a211 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a211, %A[%i] : memref<4xf32>
    %a212 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a212, %A[%i] : memref<4xf32>
    %a213 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a213, %A[%i] : memref<4xf32>
    %a214 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a214, %A[%i] : memref<4xf32>
    %a215 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a215, %A[%i] : memref<4xf32>
    %a216 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a216, %A[%i] : memref<4xf32>
    %a217 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a217, %A[%i] : memref<4xf32>
    %a218 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a218, %A[%i] : memref<4xf32>
    %a219 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a219, %A[%i] : memref<4xf32>
    %a220 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a220, %A[%i] : memref<4xf32>
    %a221 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a221, %A[%i] : memref<4xf32>
    %a222 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a222, %A[%i] : memref<4xf32>
    %a223 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a223, %A[%i] : memref<4xf32>
    %a224 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a224, %A[%i] : memref<4xf32>
    %a225 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a225, %A[%i] : memref<4xf32>
    %a226 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a226, %A[%i] : memref<4xf32>
    %a227 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a227, %A[%i] : memref<4xf32>
    %a228 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a228, %A[%i] : memref<4xf32>
    %a229 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a229, %A[%i] : memref<4xf32>
    %a230 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a230, %A[%i] : memref<4xf32>
    %a231 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a231, %A[%i] : memref<4xf32>
    %a232 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a232, %A[%i] : memref<4xf32>
    %a233 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a233, %A[%i] : memref<4xf32>
    %a234 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a234, %A[%i] : memref<4xf32>
    %a235 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a235, %A[%i] : memref<4xf32>
    %a236 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a236, %A[%i] : memref<4xf32>
    %a237 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a237, %A[%i] : memref<4xf32>
    %a238 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a238, %A[%i] : memref<4xf32>
    %a239 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a239, %A[%i] : memref<4xf32>
    %a240 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a240, %A[%i] : memref<4xf32>
    %a241 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a241, %A[%i] : memref<4xf32>
    %a242 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a242, %A[%i] : memref<4xf32>
    %a243 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a243, %A[%i] : memref<4xf32>
    %a244 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a244, %A[%i] : memref<4xf32>
    %a245 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a245, %A[%i] : memref<4xf32>
    %a246 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a246, %A[%i] : memref<4xf32>
    %a247 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a247, %A[%i] : memref<4xf32>
    %a248 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a248, %A[%i] : memref<4xf32>
    %a249 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a249, %A[%i] : memref<4xf32>
    %a250 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a250, %A[%i] : memref<4xf32>
    %a251 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a251, %A[%i] : memref<4xf32>
    %a252 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a252, %A[%i] : memref<4xf32>
    %a253 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a253, %A[%i] : memref<4xf32>
    %a254 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a254, %A[%i] : memref<4xf32>
    %a255 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a255, %A[%i] : memref<4xf32>
    %a256 = sloop.load %A[%i] : memref<4xf32>
    sloop.store %a256, %A[%i] : memref<4xf32>
  }
  return
}
