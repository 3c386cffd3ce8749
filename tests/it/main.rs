//! The integration tests: one binary, one module a subject (see docs/architecture.md).

mod support;

mod architecture;
mod cli;
mod cli_doc;
mod cli_edges;
mod cli_export;
mod cli_progress;
mod dataset;
mod dataset_audit;
mod doc_check;
mod hardening;
mod import;
mod import_format;
mod import_props;
mod layout;
mod load_props;
mod merge_props;
mod official_names;
mod search_props;
mod store_processes;
mod tui_app;
mod tui_backend;
mod tui_defects;
mod tui_frames;
mod tui_marks;
mod tui_pty;
mod tui_render;
mod tui_search;
mod tui_signals;
mod uncertainty;
mod verify;
mod workspace;
mod workspace_tui;
