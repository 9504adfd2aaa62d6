extension ALBLinter {
    /// `alb.duplicate-id`: a resource ID in two files. Different objects are both linted (warning: one file is
    /// stale or from another account); an identical copy is linted once (info).
    func checkDuplicateIDs(_ configuration: ALBConfiguration, into findings: inout [LintFinding]) {
        for duplicate in configuration.duplicates {
            let other = "\(duplicate.first.file):\(duplicate.first.path)"
            let message =
                duplicate.identical
                ? sentence(
                    "\(duplicate.kind.rawValue) ID \"\(duplicate.id)\" is also in \(other) with the same properties: ",
                    "the same object saved twice, linted once"
                )
                : sentence(
                    "\(duplicate.kind.rawValue) ID \"\(duplicate.id)\" is also in \(other) with other properties; ",
                    "the API has one object per ID, so one of the files is stale or from another account: ",
                    "both are linted; save the files again from one account at one moment"
                )
            findings.append(
                LintFinding(
                    rule: .duplicateID,
                    severity: duplicate.identical ? .info : .warning,
                    message: message,
                    location: duplicate.second
                )
            )
        }
    }
}
