import ATLCLI
import Foundation

/// Runs one `atl` command line in process, as the `atl` executable would, and captures what it printed.
///
/// The environment defaults to empty, so a variable set in the developer's shell (`ATL_THREADS`) never changes
/// a test's outcome; tests of the environment pass it explicitly.
func atl(_ args: [String], environment: [String: String] = [:]) -> (code: Int32, out: String, err: String) {
    let c = CapturingConsole()
    let code = ATL.run(args, console: c.console, environment: environment)
    return (code, c.out, c.err)
}
