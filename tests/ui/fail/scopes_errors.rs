use zoom_scopes::{ScopeSet, scopes};

const MISSPELT: ScopeSet = scopes!("division:write:admin", "Meeting:Write");
const NOT_A_STRING: ScopeSet = scopes!(meeting_write);

fn main() {
    let _ = (MISSPELT, NOT_A_STRING);
}
