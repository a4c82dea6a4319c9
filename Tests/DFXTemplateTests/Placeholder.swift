import XCTest

final class DFXTemplateTestsPlaceholder: XCTestCase {}
