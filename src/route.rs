//! Routing: which system user the end-user system must use for which party and package.
