/// The full-screen terminal tutor (work in progress).
public enum TutorUI {}
