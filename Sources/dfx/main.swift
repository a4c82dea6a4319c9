import DFXCommands
import Foundation

exit(DFXCLI.run(Array(CommandLine.arguments.dropFirst()), keepValuesUntilExit: true))
