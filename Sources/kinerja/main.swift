import App

try await Entrypoint.main()
