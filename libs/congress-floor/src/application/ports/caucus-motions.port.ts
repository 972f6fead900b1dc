/**
 * Whether a member may act for a caucus (submit, edit or withdraw its motion): yes when they are,
 * now, a member of that formed caucus. Implemented by the caucuses context on its own connection
 * (the floor's connection cannot read a roster), so it is asked **before** the floor's transaction
 * opens, never inside it: on the embedded database a second transaction inside the first would wait
 * for it forever. Asked only for the acting member; it answers yes or no — never who else is in
 * the caucus. `NoCaucusMotions` refuses every caucus submission.
 */
export abstract class CaucusMotions {
  abstract mayActFor(caucusId: string, memberId: string): Promise<boolean>;
}
