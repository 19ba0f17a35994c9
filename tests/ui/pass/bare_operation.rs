//! `operation!()` without arguments, in the body of a `#[requires_api]` function, is that
//! function's operation: wherever it stands in the body, through each path of the macro, in
//! typed mode too. A function nested in the body has its own.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use zoom_scopes::{App, Operation, operation, requires_api};

#[requires_api("Create a meeting")]
fn plain() -> &'static Operation {
    operation!()
}

#[requires_api("Get a user", api = "User")]
fn every_path_and_delimiter() -> [&'static Operation; 3] {
    [
        operation!(),
        zoom_scopes::operation![],
        ::zoom_scopes::operation! {},
    ]
}

#[requires_api("Create a meeting")]
fn in_a_closure_and_a_const() -> (&'static Operation, &'static Operation) {
    const OP: &Operation = operation!();
    let later = || operation!();
    (OP, later())
}

#[requires_api("Create a meeting")]
async fn in_an_async_block() -> &'static str {
    async { operation!().title() }.await
}

#[requires_api("Get a user", api = "User")]
fn in_format() -> String {
    format!("{} ({} API)", operation!().title(), operation!().api())
}

#[requires_api("Create a meeting")]
fn with_a_nested_function() -> (&'static Operation, &'static Operation) {
    #[requires_api("Get a user", api = "User")]
    fn nested() -> &'static Operation {
        operation!()
    }
    (operation!(), nested())
}

/// The same operation twice is still one operation.
#[requires_api("Create a meeting")]
#[requires_api("Create a meeting")]
fn stacked_twice() -> &'static Operation {
    operation!()
}

/// A function a `macro_rules!` writes, its body from the macro's input or its own text.
macro_rules! endpoint {
    ($title:literal, $name:ident, $($body:tt)*) => {
        #[requires_api($title)]
        fn $name() -> &'static Operation {
            $($body)*
        }
    };
    ($title:literal, $name:ident) => {
        #[requires_api($title)]
        fn $name() -> &'static Operation {
            operation!()
        }
    };
}

endpoint!("Create a meeting", from_a_macro, operation!());
endpoint!("Update a meeting", from_a_macro_s_own_text);

struct Zoom<A>(std::marker::PhantomData<A>);

impl<A: App> Zoom<A> {
    #[requires_api("Create a meeting", app = A)]
    fn create_meeting(&self) -> &'static Operation {
        operation!()
    }
}

#[zoom_scopes::app("meeting:write")]
struct Scheduler;

fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return out;
        }
    }
}

fn main() {
    let create = operation!("Create a meeting");
    let user = operation!("Get a user", api = "User");
    assert_eq!(plain(), create);
    assert_eq!(every_path_and_delimiter(), [user; 3]);
    assert_eq!(in_a_closure_and_a_const(), (create, create));
    assert_eq!(block_on(in_an_async_block()), "Create a meeting");
    assert_eq!(in_format(), "Get a user (User API)");
    assert_eq!(with_a_nested_function(), (create, user));
    assert_eq!(stacked_twice(), create);
    assert_eq!(from_a_macro(), create);
    assert_eq!(from_a_macro_s_own_text().title(), "Update a meeting");
    let zoom = Zoom::<Scheduler>(std::marker::PhantomData);
    assert_eq!(zoom.create_meeting(), create);
}
