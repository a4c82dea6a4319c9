import DFXBasics
import DFXCompiler

/// `target/run_results.json`, with dbt's field names.
public struct RunResultsDocument: Sendable {
    public var results: [NodeResult]
    public var invocationID: String
    public var generatedAt: String
    public var elapsedTime: Double
    /// The command's arguments as recorded under `args`.
    public var arguments: [String: ConfigValue]

    public init(results: [NodeResult], invocationID: String, generatedAt: String, elapsedTime: Double, arguments: [String: ConfigValue]) {
        self.results = results
        self.invocationID = invocationID
        self.generatedAt = generatedAt
        self.elapsedTime = elapsedTime
        self.arguments = arguments
    }

    /// The document as JSON bytes.
    public func bytes() -> [UInt8] {
        var json = JSONWriter(pretty: true)
        json.beginObject()
        ArtifactMetadata(schemaVersion: "https://schemas.getdbt.com/dbt/run-results/v6.json", generatedAt: generatedAt, invocationID: invocationID).write(&json)
        json.key("results")
        json.beginArray()
        for result in results { write(result, &json) }
        json.endArray()
        json.key("elapsed_time"); json.double(elapsedTime)
        json.key("args"); json.value(.dict(arguments))
        json.endObject()
        return json.takeBytes()
    }

    private func write(_ result: NodeResult, _ json: inout JSONWriter) {
        json.beginObject()
        json.key("unique_id"); json.string(result.uniqueID)
        json.key("status"); json.string(result.status.rawValue)
        json.key("timing")
        json.beginArray()
        if result.status != .skipped {
            for name in ["compile", "execute"] {
                json.beginObject()
                json.key("name"); json.string(name)
                json.key("started_at"); json.string(TimestampValue(unixSeconds: result.startedAt).iso8601)
                json.key("completed_at"); json.string(TimestampValue(unixSeconds: result.completedAt).iso8601)
                json.endObject()
            }
        }
        json.endArray()
        json.key("thread_id"); json.string(result.threadID)
        json.key("execution_time"); json.double(result.executionTime)
        json.key("message"); json.optionalString(result.message.isEmpty ? nil : result.message)
        if let failures = result.failures { json.key("failures"); json.int(failures) } else { json.key("failures"); json.null() }
        json.key("adapter_response")
        json.beginObject()
        if let rows = result.rowsAffected { json.key("rows_affected"); json.int(rows) }
        json.endObject()
        json.key("compiled"); json.bool(result.compiledCode != nil)
        json.key("compiled_code"); json.optionalString(result.compiledCode)
        json.key("relation_name"); json.optionalString(result.relationName)
        json.endObject()
    }
}
