//! Integration tests of the web app, in one test binary; `routes/` mirrors the URL tree.

mod browser;
mod feeds;
mod harness;
mod openapi;
mod proxy_cache;
mod routes;
