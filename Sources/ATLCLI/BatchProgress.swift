import Foundation

/// Batch progress on stderr: a bar redrawn in place on a terminal, else a plain line every 10%. Counts only,
/// never a child's reference.
final class BatchProgress: @unchecked Sendable {
    let console: Console
    let started = Date()
    var nextTenth: Int?
    var last = Date.distantPast
    var lastCount = 0

    init(console: Console) { self.console = console }

    func update(_ done: Int, _ total: Int, _ already: Int) {
        if nextTenth == nil { nextTenth = total > 0 ? already * 10 / total + 1 : 1 }
        lastCount = done
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done - already) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        if console.errIsTerminal {
            guard Date().timeIntervalSince(last) > 0.1 || done == total else { return }
            last = Date()
            let width = 30, filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            console.err(String(format: "\r[%@] %d/%d children  %.0f/s  ETA %.0fs ", bar, done, total, rate, eta))
        } else if total > 0, var tenth = nextTenth {
            guard tenth <= 10, done * 10 >= total * tenth else { return }
            while tenth <= 10 && done * 10 >= total * tenth { tenth += 1 }
            nextTenth = tenth
            console.errLine(String(format: "atl batch: %d/%d children (%d%%), %.0f/s, ETA %.0fs", done, total,
                                   done * 100 / total, rate, eta))
        }
    }

    func finish() {
        if console.errIsTerminal && lastCount > 0 { console.err("\n") }
    }
}
