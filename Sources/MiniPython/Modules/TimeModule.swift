#if canImport(Glibc)
import Glibc
#endif

/// `time`: clocks and `sleep` (which wakes up early for an interrupt).
/// Docs: https://docs.python.org/3.11/library/time.html
enum TimeModule {
    static func clock(_ id: clockid_t) -> Double {
        var ts = timespec()
        clock_gettime(id, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func nanoseconds(_ id: clockid_t) -> Int {
        var ts = timespec()
        clock_gettime(id, &ts)
        return Int(ts.tv_sec) * 1_000_000_000 + Int(ts.tv_nsec)
    }

    static func make() -> PyModule {
        let m = PyModule(name: "time")
        m.addFunction("time()") { _, _ in .float(clock(CLOCK_REALTIME)) }
        m.addFunction("time_ns()") { _, _ in PyValue(nanoseconds(CLOCK_REALTIME)) }
        m.addFunction("perf_counter()") { _, _ in .float(clock(CLOCK_MONOTONIC)) }
        m.addFunction("perf_counter_ns()") { _, _ in PyValue(nanoseconds(CLOCK_MONOTONIC)) }
        m.addFunction("monotonic()") { _, _ in .float(clock(CLOCK_MONOTONIC)) }
        m.addFunction("process_time()") { _, _ in .float(clock(CLOCK_PROCESS_CPUTIME_ID)) }
        m.addFunction("sleep(secs, /)") { (interp, args) throws(PyError) in
            let seconds = try interp.expectFloat(args[0])
            if seconds < 0 { throw PyError.valueError("sleep length must be non-negative") }
            let end = clock(CLOCK_MONOTONIC) + seconds
            while true {
                try interp.checkInterrupt()
                let left = end - clock(CLOCK_MONOTONIC)
                if left <= 0 { break }
                usleep(UInt32(min(left, 0.05) * 1e6))
            }
            return .none
        }
        m.addFunction("strftime(format, t=None, /)") { (interp, args) throws(PyError) in
            let format = try interp.expectStr(args[0])
            var now = time(nil)
            var parts = tm()
            localtime_r(&now, &parts)
            var buffer = [CChar](repeating: 0, count: 256)
            let n = strftime(&buffer, buffer.count, format, &parts)
            return .str(String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return m
    }
}
