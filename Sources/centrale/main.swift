print("centrale")
