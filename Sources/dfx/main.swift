import DFXCommands

DFXCommand.main()
