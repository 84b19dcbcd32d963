extension TaskLocal {
    /// `withValue(_:operation:)` for a body with a typed error (the standard one rethrows an
    /// untyped `any Error`).
    func withValue<Result, E: Error>(_ value: Value, typed body: () throws(E) -> Result) throws(E) -> Result {
        let outcome: Swift.Result<Result, E> = withValue(value, operation: {
            do throws(E) { return .success(try body()) } catch { return .failure(error) }
        })
        return try outcome.get()
    }
}
