internal import CMimalloc
import DFXCommands
import Foundation

// The process allocates through mimalloc: a compile makes millions of small, short-lived
// allocations on all cores, where glibc's malloc cost 12% more wall time (BENCHMARKS.md).
// Referring to the library keeps it among the executable's needed libraries.
_ = mi_version()

exit(DFXCLI.run(Array(CommandLine.arguments.dropFirst()), keepValuesUntilExit: true))
