/// Turns a lesson into a plain Python script that runs under real PyTorch: every runnable
/// code block in order, and each exercise's reference solution in place of its starter code.
///
/// Steps are marked with `# %%` cell comments, which editors such as VS Code and Jupytext
/// treat as notebook cells. Checks, hints and `norun` blocks are left out. Lessons that import
/// `tutor_datasets` get a header that says to put the repository's `Datasets/` folder, home of
/// its real-Python twin `tutor_datasets.py`, on the module path.
public enum ScriptExporter {
    public static func export(_ lesson: Lesson) -> String {
        var out = """
        # \(lesson.title)
        # Lesson '\(lesson.id)' (module \(lesson.module)) of pytorch-tutor, exported from \(lesson.file).
        # Runs with PyTorch installed: python \(lesson.id).py

        """
        if lesson.steps.contains(where: { step in step.code.contains { $0.code.contains("tutor_datasets") } }) {
            out += """
            # It imports tutor_datasets, the tutor's bundled data: run it with the repository's Datasets/
            # folder on the module path, e.g. PYTHONPATH=Datasets python \(lesson.id).py

            """
        }
        for step in lesson.steps {
            let code: [String]
            if let exercise = step.exercise {
                code = [exercise.solution.code]
            } else {
                code = step.code.map(\.code)
            }
            guard !code.isEmpty else { continue }
            let label = step.exercise == nil ? step.title : "\(step.title) (solution)"
            out += "\n# %% \(MarkdownInline.plainText(label))\n"
            for block in code { out += block + "\n" }
        }
        return out
    }
}
