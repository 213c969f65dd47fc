//! Learning together: the human structure around the blogs. Peer learning partners
//! ([`partners`]), mentors who watch their mentees ([`mentors`]), posts held up as models
//! for a lesson ([`highlights`]), the lessons' go-to people ([`experts`]) and the weekly
//! letter and mentor note ([`letter`]).

pub mod experts;
pub mod glance;
pub mod highlights;
pub mod letter;
pub mod mentors;
pub mod partners;
