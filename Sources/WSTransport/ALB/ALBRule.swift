/// A forwarding rule of the emulated ALB; rules are tried in order and the first match decides.
package struct ALBRule: Sendable, Hashable {
    /// What a matching rule does (the IONOS rule types FORWARD, STATIC and REDIRECT).
    package enum Action: Sendable, Hashable {
        /// Forward to one of these targets, chosen at random by weight among those running.
        case forward([String])
        /// Answer this status with a short body and close (STATIC).
        case status(Int)
        /// Answer 301 with this `Location` and close (REDIRECT).
        case redirect(String)
    }

    /// The rule's name, for logs and answers.
    package var name: String?
    /// The conditions; an empty match matches everything.
    package var match: ALBMatch
    package var action: Action

    package init(name: String? = nil, match: ALBMatch = ALBMatch(), action: Action) {
        self.name = name
        self.match = match
        self.action = action
    }
}
