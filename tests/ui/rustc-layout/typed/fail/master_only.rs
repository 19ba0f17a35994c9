//! Only `:master` scopes grant "Get sub account details": the error says so.
use zoom_scopes::operations::account::GetSubAccountDetails;

#[zoom_scopes::app("account:read:admin")]
struct Admin;

fn sub_account<A: GetSubAccountDetails>() {}

fn main() {
    sub_account::<Admin>();
}
