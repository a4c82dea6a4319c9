import XCTest

final class DFXSQLTestsPlaceholder: XCTestCase {}
