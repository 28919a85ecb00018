import ATLCLI
import Foundation

// Thin entry point: all behaviour lives in ATLCLI so tests can drive it.
exit(ATL.run(Array(CommandLine.arguments.dropFirst()), console: Console.standard()))
