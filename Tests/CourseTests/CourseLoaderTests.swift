import Testing
@testable import Course

@Suite struct CourseLoaderTests {
    @Test func loadsModulesAndKeepsGoingPastBrokenFiles() {
        let root = fixtures + "/course"
        let course = CourseLoader.load(root: root)
        #expect(course.modules.map(\.title) == ["First steps", "Second steps"])
        #expect(course.modules.map { $0.lessons.map(\.id) } == [["hello"], ["later"]])
        #expect(course.errors.map(\.description)
                == ["\(root)/01-first/02-broken.md:6: unknown front-matter key 'colour' (expected id, title, module, order)"])
        #expect(course.lesson(id: "hello")?.steps.map(\.title) == ["Introduction", "Say it"])
    }

    @Test func duplicateIdsAndPlacesAreErrors() {
        let lesson = Lesson(id: "x", title: "X", module: 1, order: 1, file: "a.md", steps: [])
        var sameID = lesson
        sameID.file = "b.md"
        sameID.order = 2
        var samePlace = lesson
        samePlace.file = "c.md"
        samePlace.id = "y"
        var errors: [LessonError] = []
        #expect(CourseLoader.rejectDuplicates([lesson, sameID, samePlace], &errors).map(\.file) == ["a.md"])
        #expect(errors.map(\.description) == ["b.md: lesson id 'x' is already used by a.md",
                                              "c.md: module 1, order 1 is already taken by a.md"])
    }

    @Test func outlineTitlesAndFileOrder() {
        #expect(CourseLoader.moduleTitles("## Module 3: Three\n# Module 4 — Four\nModule 5: no heading") == [3: "Three", 4: "Four"])
        #expect(CourseLoader.lessonFiles(in: fixtures + "/course").map { $0.split(separator: "/").last! }
                == ["01-hello.md", "02-broken.md", "03-later.md"])
    }

    @Test func exportWritesCodeAndSolutions() throws {
        let lesson = try #require(parse(lessonText("""
            ## Make `x`

            ```python
            x = 1
            ```

            ```python norun
            x.cuda()
            ```

            ## Exercise: Y

            ```python
            y = ...
            ```

            ### Check

            ```python
            assert y == 2
            ```

            ### Hints

            1. a
            2. b

            ### Solution

            ```python
            y = x + 1
            ```

            ### Why it works

            Sums.
            """)))
        #expect(ScriptExporter.export(lesson) == """
            # Demo
            # Lesson 'demo' (module 1) of pytorch-tutor, exported from lesson.md.
            # Runs with PyTorch installed: python demo.py

            # %% Make x
            x = 1

            # %% Exercise: Y (solution)
            y = x + 1

            """)
    }

    @Test func exportNamesTheDatasetsFolderForTutorDatasets() throws {
        let lesson = try #require(parse(lessonText("""
            ## Load

            ```python
            import tutor_datasets
            ```
            """)))
        #expect(ScriptExporter.export(lesson).contains("# folder on the module path, e.g. PYTHONPATH=Datasets python demo.py\n"))
    }
}
