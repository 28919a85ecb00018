/// Cohort CSV text shared by the cohort reader tests and the `atl batch` tests.
public enum CohortFixture {
    /// A cohort CSV with one good row and each kind of broken row, in the order the batch tests expect.
    /// Row 3 has a quoted line break, so later rows start a line further down than their row number suggests.
    public static let brokenCSV = """
        reference,synthetic,primary-need,secondary-needs,placement-year,home-postcode,max-journey,desirable
        T-001,yes,ASD moderate,"SLCN mild, SEMH mild",7,TF3 1AB,12 miles,sensory-room
        T-002,yes,,,7,TF3 1AB,12 miles,
        T-003,yes,SEMH severe,"SLCN
        mild",7,TF1 1AE,10 miles,
        T-004,yes,XYZ severe,,7,TF1 1AE,10 miles,
        T-005,yes,MLD,,7,NOT A POSTCODE,10 miles,
        T-006,yes,MLD,,7,TF9 9ZZ,10 miles,
        T-001,yes,SLD severe,,7,TF2 0AB,15 miles,
        T-008,yes,HI moderate,,7,TF7 4AH,15 miles,
        T-009,yes,PD,,7,TF7 4AH,15 miles,"lift
        """
}
