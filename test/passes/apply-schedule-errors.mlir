// RUN: usl-opt %s --split-input-file --verify-diagnostics --apply-schedule

// expected-error @+1 {{entry 1 of the schedule of @unknown: unknown directive 'compute_at'; directives are split, tile}}
func.func @unknown(%A: memref<8xf32>) attributes {usl.schedule = ["split loop=i factor=2", "compute_at buffer=t loop=i"]} {
  sloop.for %i = 0 to 8 {
    %v = sloop.load %A[%i] : memref<8xf32>
    sloop.store %v, %A[%i] : memref<8xf32>
  }
  return
}

// -----

// expected-error @+1 {{entry 0 of the schedule of @not_directive: unknown directive 'usl-lower-to-llvm'}}
func.func @not_directive(%A: memref<8xf32>) attributes {usl.schedule = ["usl-lower-to-llvm"]} {
  return
}

// -----

// expected-error @+1 {{entry 0 of the schedule of @bad_option: unknown option 'factr' for 'split'}}
func.func @bad_option(%A: memref<8xf32>) attributes {usl.schedule = ["split loop=i factr=2"]} {
  sloop.for %i = 0 to 8 {
    %v = sloop.load %A[%i] : memref<8xf32>
    sloop.store %v, %A[%i] : memref<8xf32>
  }
  return
}

// -----

// expected-error @+1 {{the schedule of @not_strings must be an array of strings, each a directive and its options}}
func.func @not_strings(%A: memref<8xf32>) attributes {usl.schedule = ["split loop=i factor=2", 4]} {
  return
}

// -----

// A directive that rejects its step reports at the loop, as on the command
// line, and stops the schedule.
func.func @rejected(%A: memref<8xf32>) attributes {usl.schedule = ["parallelize loop=i", "split loop=i factor=2"]} {
  // expected-error @+1 {{cannot parallelize loop 'i'}}
  sloop.for %i = 1 to 8 {
    %v = sloop.load %A[%i - 1] : memref<8xf32>
    sloop.store %v, %A[%i] : memref<8xf32>
  }
  return
}

// -----

// expected-error @+1 {{'split': no loop named 'j'; loops are 'i'}}
func.func @no_loop(%A: memref<8xf32>) attributes {usl.schedule = ["split loop=j factor=2"]} {
  sloop.for %i = 0 to 8 {
    %v = sloop.load %A[%i] : memref<8xf32>
    sloop.store %v, %A[%i] : memref<8xf32>
  }
  return
}

// -----

// expected-error @+1 {{a function with a schedule needs a name of at most 63 characters (directives name it with func=)}}
func.func @a_function_name_that_is_far_too_long_to_be_named_by_a_directive_option(%A: memref<8xf32>) attributes {usl.schedule = ["simplify"]} {
  return
}
