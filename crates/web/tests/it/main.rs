//! Integration tests of the web app, in one test binary; `routes/` mirrors the URL tree.

mod browser;
mod harness;
mod openapi;
mod routes;
