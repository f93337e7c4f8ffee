//! Integration tests of the web layer: the real server on port 0, a fresh database per
//! test, on SQLite and PostgreSQL; and end-to-end tests in headless Chromium.

mod support;

mod access_matrix;
mod accounts;
mod api;
mod browser;
mod browser_media;
mod compose;
mod connections;
mod links;
mod media;
mod news;
mod pages;
mod planning;
mod publishing;
mod training;
