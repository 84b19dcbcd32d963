import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A persistent pool of pthreads for data-parallel kernels.
///
/// `parallelFor(count:body:)` runs `body(0) ... body(count - 1)`; items are claimed
/// dynamically from a shared counter by the calling thread (which always takes
/// part) and up to `threadCount - 1` workers, so a worker the OS does not schedule
/// in time simply ends up doing less work. Calls are serialised: a call made while
/// the pool is busy (another thread's job, or a nested call from inside `body`)
/// runs inline on the calling thread.
///
/// Workers spin briefly after a job (back-to-back kernels then start without a
/// wake-up), then sleep on a condition variable.
public final class ThreadPool: @unchecked Sendable {
    /// The engine-wide pool. Its default size is the number of online CPUs.
    public static let shared = ThreadPool(threadCount: ThreadPool.cpuCount)

    /// Online CPUs (at least 1). (`sched_getaffinity` is not visible without
    /// `_GNU_SOURCE`, so CPU masks from taskset/cgroups are not honoured.)
    public static var cpuCount: Int {
        return max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    // MARK: Job state (written by the submitting thread, read by workers)

    /// The current job's body. Valid while `epoch` is odd and, for a worker,
    /// while it is counted in `busy`.
    private nonisolated(unsafe) var body: ((Int) -> Void)?
    private nonisolated(unsafe) var count = 0
    /// Workers with index < `participants` join the current job.
    private nonisolated(unsafe) var participants = 0
    /// Next unclaimed item of the current job.
    private let next = Atomic<Int>(0)
    /// Odd: a job is open; even: no job (closed). Bumped by 1 at open and close.
    private let epoch = Atomic<Int>(0)
    /// Workers currently inside a job. The submitter waits for 0 after closing.
    private let busy = Atomic<Int>(0)
    /// Held (try-lock) by the thread that currently owns the pool.
    private let owner = Atomic<Bool>(false)

    // MARK: Sleeping

    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let cond: UnsafeMutablePointer<pthread_cond_t>
    private nonisolated(unsafe) var sleepers = 0
    private nonisolated(unsafe) var shuttingDown = false

    /// Guarded by `mutex`.
    private nonisolated(unsafe) var workers: [pthread_t] = []
    /// `workers.count`, readable without the mutex.
    private let spawned = Atomic<Int>(0)
    private let requested = Atomic<Int>(1)

    /// Spin iterations a worker polls for the next job before sleeping.
    private static let spinIterations = 200_000

    /// Threads used by `parallelFor`, including the caller (at least 1).
    /// Raising it starts more workers; lowering it idles them. Takes effect
    /// from the next `parallelFor` call (safe to set from any thread).
    public var threadCount: Int {
        get { requested.load(ordering: .relaxed) }
        set {
            let n = max(1, newValue)
            pthread_mutex_lock(mutex)
            while workers.count < n - 1 { spawnWorker(index: workers.count) }
            spawned.store(workers.count, ordering: .releasing)
            pthread_mutex_unlock(mutex)
            requested.store(n, ordering: .relaxed)
        }
    }

    public init(threadCount: Int) {
        mutex = .allocate(capacity: 1)
        cond = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(cond, nil)
        self.threadCount = threadCount
    }

    deinit {
        pthread_mutex_lock(mutex)
        shuttingDown = true
        pthread_cond_broadcast(cond)
        pthread_mutex_unlock(mutex)
        let threads = workers
        for t in threads { pthread_join(t, nil) }
        pthread_cond_destroy(cond)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        cond.deallocate()
    }

    /// Runs `body(i)` for every `i` in `0..<count`, in parallel, and returns when
    /// all are done. Items may run in any order on any participating thread.
    public func parallelFor(count: Int, body: (Int) -> Void) {
        if count <= 0 { return }
        let threads = requested.load(ordering: .relaxed)
        if count == 1 || threads == 1 || !tryAcquire() {
            for i in 0..<count { body(i) }
            return
        }
        withoutActuallyEscaping(body) { escapable in
            self.body = escapable
            self.count = count
            self.participants = min(threads - 1, count - 1, spawned.load(ordering: .acquiring))
            next.store(0, ordering: .relaxed)
            epoch.add(1, ordering: .sequentiallyConsistent)  // open
            pthread_mutex_lock(mutex)
            if sleepers > 0 { pthread_cond_broadcast(cond) }
            pthread_mutex_unlock(mutex)

            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                if i >= count { break }
                escapable(i)
            }
            epoch.add(1, ordering: .sequentiallyConsistent)  // close
            // Workers that entered before the close finish their claimed items.
            // Yield after a short spin: on a loaded machine the worker we wait for
            // may be preempted on this very core.
            var spins = 0
            while busy.load(ordering: .sequentiallyConsistent) != 0 {
                spins &+= 1
                if spins < 2_000 { spinPause() } else { sched_yield() }
            }
            self.body = nil
        }
        release()
    }

    // MARK: Ownership

    private func tryAcquire() -> Bool {
        owner.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
    }

    private func release() { owner.store(false, ordering: .releasing) }

    // MARK: Workers

    private func spawnWorker(index: Int) {
        let context = Unmanaged.passRetained(WorkerContext(pool: self, index: index)).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let rc = pthread_create(&thread, nil, { raw in
            let ctx = Unmanaged<WorkerContext>.fromOpaque(raw!).takeRetainedValue()
            ctx.pool.workerLoop(index: ctx.index)
            return nil
        }, context)
        precondition(rc == 0, "pthread_create failed (\(rc))")
        #if canImport(Glibc)
        workers.append(thread)
        #else
        workers.append(thread!)
        #endif
    }

    private func workerLoop(index: Int) {
        var seen = 0
        while true {
            // Wait for an open epoch we have not served yet.
            var e = epoch.load(ordering: .acquiring)
            var spins = 0
            while e == seen || e & 1 == 0 {
                spins += 1
                if spins < Self.spinIterations {
                    spinPause()
                } else {
                    pthread_mutex_lock(mutex)
                    sleepers += 1
                    while !shuttingDown {
                        e = epoch.load(ordering: .acquiring)
                        if e != seen && e & 1 == 1 { break }
                        pthread_cond_wait(cond, mutex)
                    }
                    sleepers -= 1
                    let quit = shuttingDown
                    pthread_mutex_unlock(mutex)
                    if quit { return }
                    spins = 0
                }
                e = epoch.load(ordering: .acquiring)
            }
            seen = e
            if index >= participants { continue }
            busy.add(1, ordering: .sequentiallyConsistent)
            if epoch.load(ordering: .sequentiallyConsistent) == e, let body {
                let n = count
                while true {
                    let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    if i >= n { break }
                    body(i)
                }
            }
            busy.subtract(1, ordering: .sequentiallyConsistent)
        }
    }

    @inline(__always)
    private func spinPause() {
        // No portable PAUSE intrinsic in Swift; a compiler barrier keeps the loop
        // from being folded away and is cheap.
        _ = epoch.load(ordering: .relaxed)
    }
}

private final class WorkerContext {
    unowned(unsafe) let pool: ThreadPool
    let index: Int
    init(pool: ThreadPool, index: Int) {
        self.pool = pool
        self.index = index
    }
}
