import DFXBasics
import DFXCompiler

/// `target/sources.json` (dbt's sources v3 artifact), written by `dfx source freshness`.
public struct SourcesDocument: Sendable {
    public var results: [FreshnessResult]
    public var invocationID: String
    public var generatedAt: String
    public var elapsedTime: Double

    public init(results: [FreshnessResult], invocationID: String, generatedAt: String, elapsedTime: Double) {
        self.results = results
        self.invocationID = invocationID
        self.generatedAt = generatedAt
        self.elapsedTime = elapsedTime
    }

    /// The document as JSON bytes.
    public func bytes() -> [UInt8] {
        var json = JSONWriter(pretty: true)
        json.beginObject()
        ArtifactMetadata(schemaVersion: "https://schemas.getdbt.com/dbt/sources/v3.json", generatedAt: generatedAt, invocationID: invocationID).write(&json)
        json.key("results")
        json.beginArray()
        for result in results { write(result, &json) }
        json.endArray()
        json.key("elapsed_time"); json.double(elapsedTime)
        json.endObject()
        return json.takeBytes()
    }

    private func write(_ result: FreshnessResult, _ json: inout JSONWriter) {
        json.beginObject()
        json.key("unique_id"); json.string(result.uniqueID)
        if result.status == .runtimeError {
            // dbt's SourceFreshnessRuntimeError: the id, the error and the status only.
            json.key("error"); json.optionalString(result.error)
            json.key("status"); json.string(result.status.rawValue)
            json.endObject()
            return
        }
        json.key("max_loaded_at"); json.optionalString(result.maxLoadedAt.map { TimestampValue(unixSeconds: $0).iso8601 })
        json.key("snapshotted_at"); json.optionalString(result.snapshottedAt.map { TimestampValue(unixSeconds: $0).iso8601 })
        json.key("max_loaded_at_time_ago_in_s"); json.double(result.age ?? 0)
        json.key("status"); json.string(result.status.rawValue)
        json.key("criteria"); json.value(result.criteria.configValue)
        json.key("adapter_response"); json.beginObject(); json.endObject()
        json.key("timing")
        json.beginArray()
        for name in ["compile", "execute"] {
            json.beginObject()
            json.key("name"); json.string(name)
            json.key("started_at"); json.string(TimestampValue(unixSeconds: result.startedAt).iso8601)
            json.key("completed_at"); json.string(TimestampValue(unixSeconds: result.completedAt).iso8601)
            json.endObject()
        }
        json.endArray()
        json.key("thread_id"); json.string(result.threadID)
        json.key("execution_time"); json.double(result.executionTime)
        json.endObject()
    }
}
