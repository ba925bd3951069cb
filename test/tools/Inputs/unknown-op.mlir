func.func @f() {
  sloop.forall
  return
}
