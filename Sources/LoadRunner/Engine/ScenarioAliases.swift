import Scenario

/// The scenario's deflate offer, named apart from `WSDeflate.DeflateOffer` (the module `Scenario` shadows
/// qualification through its type of the same name).
typealias ScenarioDeflateOffer = DeflateOffer
