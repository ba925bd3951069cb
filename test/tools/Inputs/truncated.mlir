func.func @f(%A: memref<4xf32>) {
  sloop.for %i = 0 to 4 {
    %a = sloop.load %A[