/// A line diff (longest common subsequence), for showing the solution against the learner's
/// code: exercises are a few lines long, so the quadratic table is small.
enum LineDiff {
    enum Change: Equatable {
        case same(String)
        case removed(String)
        case added(String)
    }

    static func diff(_ old: [String], _ new: [String]) -> [Change] {
        let n = old.count, m = new.count
        // lengths[i][j]: the LCS length of old[i...] and new[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var changes: [Change] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                changes.append(.same(old[i]))
                i += 1
                j += 1
            } else if i < n, j == m || lengths[i + 1][j] >= lengths[i][j + 1] {
                changes.append(.removed(old[i]))
                i += 1
            } else {
                changes.append(.added(new[j]))
                j += 1
            }
        }
        return changes
    }
}
