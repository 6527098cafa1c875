import Synchronization

/// Per-session allowances of search and fetch calls (a case's `search_budget` / `fetch_budget`):
/// a call past its allowance fails the way a rate-limited API does, so a budgeted task cannot be
/// solved by brute force. Calls of one wave may arrive concurrently, hence the lock.
final class CallBudget: Sendable {
    private let remaining: Mutex<(searches: Int?, fetches: Int?)>

    init(searches: Int?, fetches: Int?) {
        remaining = Mutex((searches, fetches))
    }

    func spendSearch() throws {
        let allowed = remaining.withLock { remaining -> Bool in
            guard let left = remaining.searches else { return true }
            guard left > 0 else { return false }
            remaining.searches = left - 1
            return true
        }
        if !allowed { throw ToolFailure("web_search: the search budget for this task is used up") }
    }

    func spendFetch() throws {
        let allowed = remaining.withLock { remaining -> Bool in
            guard let left = remaining.fetches else { return true }
            guard left > 0 else { return false }
            remaining.fetches = left - 1
            return true
        }
        if !allowed { throw ToolFailure("fetch_page: the fetch budget for this task is used up") }
    }
}
